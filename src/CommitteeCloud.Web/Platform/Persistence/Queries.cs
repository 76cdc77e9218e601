using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Platform.Persistence;

public static class Queries
{
    /// <summary>
    /// A LIKE pattern matching <paramref name="search"/> anywhere, its own <c>%</c>, <c>_</c> and <c>\</c> taken
    /// literally. Compare with <c>ILike(Unaccent(column), Unaccent(pattern))</c> to ignore case and diacritics.
    /// </summary>
    public static string ContainsPattern(string search) =>
        "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>
    /// Refuses a stale edit: the row is saved only if it still has the version the client read (else 409). A null
    /// version claims nothing.
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, uint? version) where T : class, IVersioned
    {
        if (version is { } v) db.Entry(entity).Property(e => e.Version).OriginalValue = v;
    }
}
