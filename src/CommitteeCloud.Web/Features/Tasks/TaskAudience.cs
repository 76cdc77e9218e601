using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Who in the current tenant a task notification concerns: the members whose roles grant the permission for the
/// step (those who report for a received task, those who manage for the assigner's side), plus the task's own
/// leader and officer.
/// </summary>
public sealed class TaskAudience(AppDbContext db, Inbox inbox, ITenantContext context)
{
    public async Task<IReadOnlyList<Guid>> HoldersAsync(string permission, CancellationToken ct) =>
        await db.Memberships
            .SelectMany(m => db.TenantRoles.Where(r => m.RoleIds.Contains(r.Id) && r.Permissions.Contains(permission)), (m, r) => m.UserId)
            .Distinct()
            .ToListAsync(ct);

    /// <summary>Puts one notification in each concerned person's inbox (idempotent per <paramref name="dedupKey"/>).</summary>
    public async Task NotifyAsync(string permission, Domain.Tasks.WorkTask? task, string kind, string title, string? body,
        string link, string dedupKey, CancellationToken ct, Guid? exceptUserId = null, bool knownNew = false)
    {
        var people = (await HoldersAsync(permission, ct)).ToHashSet();
        if (task is not null)
        {
            var named = new[] { task.LeaderMembershipId, task.OfficerMembershipId }.OfType<Guid>().ToList();
            if (named.Count > 0)
                people.UnionWith(await db.Memberships.Where(m => named.Contains(m.Id)).Select(m => m.UserId).ToListAsync(ct));
        }
        if (exceptUserId is { } except) people.Remove(except);
        foreach (var person in people.Order())
            await inbox.AddAsync(person, kind, title, body, link, $"{dedupKey}:{person:N}", ct, knownNew);
    }

    public string TaskLink(Guid taskId) => $"/t/{context.Tenant!.Code}/tasks/{taskId}";
}

/// <summary>Notification kinds of the task cascade, as clients receive them.</summary>
public static class TaskNotificationKinds
{
    public const string Assigned = "task-assigned";
    /// <summary>A directive arrived for information and implementation, with no point handed to the unit.</summary>
    public const string DirectiveReceived = "directive-received";
    public const string Acknowledged = "task-acknowledged";
    public const string Progress = "task-progress";
    public const string ResultReported = "task-result-reported";
    public const string Accepted = "task-accepted";
    public const string Returned = "task-returned";
    public const string Rejected = "task-rejected";
    public const string Paused = "task-paused";
    public const string Resumed = "task-resumed";
    public const string Cancelled = "task-cancelled";
    public const string ExplanationRequested = "task-explanation-requested";
    public const string ExplanationAnswered = "task-explanation-answered";
    public const string DueSoon = "task-due-soon";
    public const string Overdue = "task-overdue";
}
