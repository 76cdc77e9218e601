using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

public static class TaskQueries
{
    /// <summary>This unit's task, tracked for a change; another tenant's id is the same 404 as an unknown one.</summary>
    public static async Task<WorkTask> FindTaskAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("task");

    /// <summary>The name of whoever acts, as threads and notifications show it.</summary>
    public static async Task<string> ActorNameAsync(this AppDbContext db, ITenantContext context, CancellationToken ct) =>
        context.UserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? "" : "Hệ thống";
}
