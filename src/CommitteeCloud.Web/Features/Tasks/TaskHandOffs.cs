using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>A child unit a task goes to, and the part it plays.</summary>
public sealed record TaskRecipient(TenantInfo Tenant, HandoffRole Role);

/// <summary>
/// Giao nhiệm vụ xuống: writes the assigner's hand-off records and, acting in each recipient's tenant inside the
/// same transaction, the recipient's own rows, thread entry and inbox notifications. All or nothing: a failure for
/// one recipient rolls back every hand-off. Recipients must be active direct children of the current tenant.
/// </summary>
public sealed class TaskHandOffs(AppDbContext db, ITenantContext context, TenantStore tenants, TaskAudience audience, TimeProvider clock,
    Files.FileAttachments files)
{
    /// <summary>Resolves recipients: active direct children only, whatever the caller sent.</summary>
    public async Task<TenantInfo> ChildAsync(Guid tenantId, string field, CancellationToken ct)
    {
        if (context.Tenant is null) throw new TenantRequiredException();
        var tenant = await tenants.ChildOfCurrentAsync(context, tenantId, ct)
            ?? throw new DomainRuleException(field, "Nơi nhận phải là đơn vị trực thuộc trực tiếp.");
        if (!tenant.IsActive)
            throw new DomainRuleException(field, $"{tenant.Name} đang tạm ngừng hoạt động, không giao được.");
        return tenant;
    }

    /// <param name="informed">
    /// Recipients of the directive that no point names: they receive the directive (a copy in their register and a
    /// notification) but no task.
    /// </param>
    public async Task HandOffAsync(IReadOnlyList<(WorkTask Task, IReadOnlyList<TaskRecipient> Recipients)> work, Directive? directive,
        string actorName, CancellationToken ct, IReadOnlyList<TenantInfo>? informed = null)
    {
        var current = context.Tenant!;
        var now = clock.GetUtcNow();
        var existing = await db.TaskHandoffs.Where(h => work.Select(w => w.Task.Id).Contains(h.TaskId))
            .Select(h => new { h.TaskId, h.RecipientTenantId }).ToListAsync(ct);
        var plan = new List<(TenantInfo Recipient, WorkTask Task, TaskHandoff Handoff)>();
        foreach (var (task, recipients) in work)
        {
            if (TaskLifecycle.IsClosed(task.State) || task.State == TaskState.Paused)
                throw new DomainRuleException("recipients", "Nhiệm vụ đã kết thúc hoặc tạm dừng, không giao tiếp được.");
            var added = new List<string>();
            foreach (var recipient in recipients)
            {
                if (existing.Any(e => e.TaskId == task.Id && e.RecipientTenantId == recipient.Tenant.Id)) continue;
                var handoff = new TaskHandoff(task, recipient.Tenant.Id, recipient.Tenant.Code, recipient.Tenant.Name, recipient.Role, now);
                db.TaskHandoffs.Add(handoff);
                plan.Add((recipient.Tenant, task, handoff));
                added.Add(recipient.Tenant.Name + (recipient.Role == HandoffRole.Lead ? " (chủ trì)" : " (phối hợp)"));
            }
            if (added.Count > 0)
                db.TaskUpdates.Add(new TaskUpdate(task.Id, null, TaskUpdateKind.HandedOff, "Giao cho: " + string.Join("; ", added), null, null, [],
                    context.UserId, actorName, current.Name, now));
        }

        // Save the assigner's side once, then stop tracking what is done with: each recipient below saves its own
        // rows, and a change tracker that kept them all would be scanned again at every one of those saves.
        await db.SaveChangesAsync(ct);
        db.Forget(plan.Select(p => p.Handoff));
        // Attachments go down with the directive and the tasks: each recipient gets its own record of the same content
        // (files are tenant-owned; no byte is copied), read here while still acting as the assigner.
        var attachmentIds = plan.SelectMany(p => p.Task.AttachmentFileIds).Concat(directive?.AttachmentFileIds ?? []).Distinct().ToList();
        var attachments = attachmentIds.Count == 0 ? [] : await db.StoredFiles.AsNoTracking().Where(f => attachmentIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.Meta, ct);
        await using var inTurn = db.ActInTenantsInTurn();
        var byRecipient = plan.GroupBy(p => p.Recipient.Id)
            .Select(g => (Recipient: g.First().Recipient, Tasks: g.Select(p => (p.Task, p.Handoff)).ToList()))
            .Concat((informed ?? []).Where(r => plan.All(p => p.Recipient.Id != r.Id)).DistinctBy(r => r.Id)
                .Select(r => (Recipient: r, Tasks: new List<(WorkTask Task, TaskHandoff Handoff)>())))
            .ToList();
        foreach (var (recipient, group) in byRecipient)
        {
            var written = new List<object>();
            await using (await inTurn.EnterAsync(recipient, ct))
            {
                var fileCopies = new Dictionary<Guid, Guid>();
                List<Guid> CopiesOf(IEnumerable<Guid> ids) => [.. ids.Where(attachments.ContainsKey).Select(id =>
                {
                    if (fileCopies.TryGetValue(id, out var copied)) return copied;
                    var file = files.CopyToCurrentTenant(attachments[id]);
                    written.Add(file);
                    return fileCopies[id] = file.Id;
                })];
                Guid? copyId = null;
                if (directive is not null)
                {
                    // A directive is issued once, so its recipients hold no copy yet (a unique index says so too).
                    var copy = Directive.ReceivedCopy(directive, current.Name, now, CopiesOf(directive.AttachmentFileIds));
                    db.Directives.Add(copy);
                    written.Add(copy);
                    copyId = copy.Id;
                }
                var received = new List<WorkTask>();
                foreach (var (task, handoff) in group)
                {
                    var child = WorkTask.Received(handoff.RecipientTaskId, task, current.Name, handoff.Id, handoff.Role, copyId, now,
                        CopiesOf(task.AttachmentFileIds));
                    db.Tasks.Add(child);
                    var entry = new TaskUpdate(child.Id, null, TaskUpdateKind.Assigned,
                        handoff.Role == HandoffRole.Lead ? "Giao chủ trì thực hiện." : "Giao phối hợp thực hiện.", null, null, [],
                        null, actorName, current.Name, now);
                    db.TaskUpdates.Add(entry);
                    received.Add(child);
                    written.Add(child);
                    written.Add(entry);
                }
                var (title, body, link) = directive is null
                    ? ($"{current.Name} giao nhiệm vụ: {Shorten(received[0].Title)}",
                        received.Count > 1 ? $"Cùng {received.Count - 1} nhiệm vụ khác" : null, $"/t/{recipient.Code}/tasks/{received[0].Id}")
                    : received.Count > 0
                        ? ($"{current.Name} giao {received.Count} nhiệm vụ theo văn bản {directive.Number}", directive.Subject,
                            $"/t/{recipient.Code}/tasks?directive={copyId}")
                        : ($"{current.Name} gửi văn bản {directive.Number} để biết, thực hiện", directive.Subject,
                            $"/t/{recipient.Code}/directives/{copyId}");
                if (received.Count > 0)
                    await audience.NotifyAsync(Permissions.TasksReport, null, TaskNotificationKinds.Assigned, title, body, link,
                        $"{TaskNotificationKinds.Assigned}:{group[0].Handoff.Id:N}", ct, knownNew: true);
                else
                    await audience.NotifyAsync(Permissions.TasksView, null, TaskNotificationKinds.DirectiveReceived, title, body, link,
                        $"{TaskNotificationKinds.DirectiveReceived}:{copyId:N}", ct, knownNew: true);
            }
            db.Forget(written);
        }
    }

    public static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
