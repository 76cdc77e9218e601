using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Files;

namespace CommitteeCloud.Web.Features.Files;

/// <summary>
/// How other features attach evidence: a directive, a task's progress report, a review take file ids uploaded
/// through <c>POST /api/files</c> and resolve them here, in the current tenant only.
/// </summary>
public sealed class FileAttachments(AppDbContext db)
{
    public const string Field = "fileIds";

    /// <summary>The files of the current tenant with these ids, in the order given (duplicates once); a 400 on <c>fileIds</c> if any is missing.</summary>
    public async Task<IReadOnlyList<StoredFile>> RequireAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var found = await db.StoredFiles.Where(f => wanted.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        if (found.Count != wanted.Count) throw new DomainRuleException(Field, "Tệp đính kèm không tồn tại.");
        return [.. wanted.Select(id => found[id])];
    }

    /// <summary>
    /// Records in the current tenant a file that another tenant holds (a unit's evidence reported to its parent,
    /// carried as <see cref="FileMeta"/> in the hand-off or event): a new row pointing at the same content, no
    /// byte copied. Saved with the caller's unit of work; an idempotent caller records each hand-off once.
    /// </summary>
    public StoredFile CopyToCurrentTenant(FileMeta meta)
    {
        var copy = StoredFile.CopyOf(meta);
        db.StoredFiles.Add(copy);
        return copy;
    }
}
