using CommitteeCloud.Domain.Files;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Files;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Evidence files on a thread entry: uploaded first (<c>POST /api/files</c>), then named by id. When a unit reports
/// up, its files travel as content addresses and are recorded in the assigner's tenant against the same stored
/// bytes, so the assigner can open them without reading the unit's rows.
/// </summary>
public sealed class TaskEvidence(FileAttachments attachments)
{
    public async Task<IReadOnlyList<AttachedFile>> ResolveAsync(IReadOnlyCollection<Guid>? fileIds, CancellationToken ct)
    {
        var files = await attachments.RequireAsync(fileIds ?? [], ct);
        return [.. files.Select(f => new AttachedFile { FileId = f.Id, Sha256 = f.Sha256, Size = f.Size, ContentType = f.ContentType, FileName = f.FileName })];
    }

    /// <summary>Called once per reported entry (the caller deduplicates by the entry's source id).</summary>
    public IReadOnlyList<AttachedFile> RecordReported(IReadOnlyList<ReportedFile> files, string authorName, DateTimeOffset at) =>
    [
        .. files.Select(f =>
        {
            var copy = attachments.CopyToCurrentTenant(new FileMeta(Guid.Empty, f.Sha256, f.Size, f.ContentType, f.FileName, Guid.Empty, authorName, at));
            return new AttachedFile { FileId = copy.Id, Sha256 = f.Sha256, Size = f.Size, ContentType = f.ContentType, FileName = copy.FileName };
        }),
    ];
}
