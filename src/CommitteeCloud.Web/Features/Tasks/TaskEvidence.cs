using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Evidence files attached to a thread entry: uploaded first (POST /api/files), then named by id.</summary>
public sealed class TaskEvidence
{
    public Task<IReadOnlyList<AttachedFile>> ResolveAsync(IReadOnlyCollection<Guid>? fileIds, CancellationToken ct)
    {
        if (fileIds is { Count: > 0 }) throw new DomainRuleException("fileIds", "Tệp đính kèm không tồn tại.");
        return Task.FromResult<IReadOnlyList<AttachedFile>>([]);
    }

    public Task<IReadOnlyList<AttachedFile>> RecordReportedAsync(IReadOnlyList<ReportedFile> files, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AttachedFile>>([]);
}
