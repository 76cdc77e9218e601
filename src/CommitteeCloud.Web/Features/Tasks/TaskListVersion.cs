using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// A number that changes whenever any of a tenant's tasks or hand-offs changes, kept by database triggers
/// (<see cref="TaskListSchema"/>) so that no write path can forget it — EF saves, set-based updates and raw SQL alike.
/// The task inbox caches each selection's urgency order under it (<see cref="TaskListCache"/>): one primary-key read
/// tells whether the cached order still holds, on every node, instead of re-sorting the unit's tasks per request.
/// </summary>
public sealed class TaskListVersion : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long Version { get; set; }
}
