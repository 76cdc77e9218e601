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

    /// <summary>
    /// Makes the reads that follow see one snapshot (REPEATABLE READ), so a view assembled from several queries never
    /// pairs a row with children committed after it was read (a task's deadline read before the report that moved
    /// it, its thread after). Inside a command's transaction the reads already share that transaction: nothing to do.
    /// </summary>
    public static async Task<IAsyncDisposable> ReadOneSnapshotAsync(this AppDbContext db, CancellationToken ct) =>
        db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct)
            : NoSnapshot.Instance;

    private sealed class NoSnapshot : IAsyncDisposable
    {
        public static readonly NoSnapshot Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
