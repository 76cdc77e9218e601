using System.Text;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Directives;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// Ban hành kế hoạch: every activity becomes a task of this unit (origin Kế hoạch, due at the end of its time frame);
/// an activity naming child units is handed to them through the task cascade, with the plan as a directive of kind
/// Kế hoạch that they receive (and may implement with plans of their own). One transaction, all or nothing; the row
/// is locked first, so a double click or a retry (same Idempotency-Key, or none) answers with the issued plan and
/// hands nothing down twice, another key gets 409. Handing tasks down needs tasks.manage as a directive does.
/// </summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record IssuePlanCommand(Guid Id, string? IdempotencyKey = null) : ICommand<PlanDetail>;

public sealed class IssuePlanValidator : AbstractValidator<IssuePlanCommand>
{
    public IssuePlanValidator() => RuleFor(x => x.IdempotencyKey).MaximumLength(128);
}

public sealed class IssuePlanHandler(AppDbContext db, ITenantContext context, TaskHandOffs handOffs, PermissionService permissions,
    TimeProvider clock, IMediator mediator) : ICommandHandler<IssuePlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(IssuePlanCommand command, CancellationToken ct)
    {
        var tenant = context.Tenant!;
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM annual_plans WHERE tenant_id = {tenant.Id} AND id = {command.Id} FOR UPDATE", ct);
        var plan = await db.FindPlanAsync(command.Id, ct);
        if (plan.Status != PlanStatus.Draft)
        {
            if (command.IdempotencyKey is null || command.IdempotencyKey == plan.IssueKey)
                return await mediator.Send(new GetPlanQuery(plan.Id), ct);
            throw new ConflictException("Kế hoạch đã được ban hành bởi một yêu cầu khác.");
        }
        var granted = await permissions.GetAsync(tenant.Id, context.UserId!.Value, ct);
        if (granted is null || !granted.Contains(Permissions.TasksManage)) throw new ForbiddenException(Permissions.TasksManage);
        if (plan.Activities.Count == 0) throw new DomainRuleException("activities", "Kế hoạch chưa có nhiệm vụ nào để triển khai.");

        // Units named when drafting may have been suspended or moved since: checked again, by the activity that names them.
        var recipients = new Dictionary<Guid, TenantInfo>();
        foreach (var (a, i) in plan.Activities.Select((a, i) => (a, i)))
            foreach (var id in a.LeadTenantIds.Concat(a.CoordinatingTenantIds))
                if (!recipients.ContainsKey(id)) recipients[id] = await handOffs.ChildAsync(id, $"activities[{i}].leadTenantIds", ct);

        var now = clock.GetUtcNow();
        var number = plan.Number ?? $"KH-DV/{plan.Year}";
        Directive? directive = null;
        if (recipients.Count > 0)
        {
            await db.EnsureNumberFreeAsync(number, null, ct);
            var actor = await db.ActorNameAsync(context, ct);
            directive = new Directive(new DirectiveFields(DirectiveKind.Plan, number, clock.Today(), null, tenant.Name, actor, null,
                plan.Title, BodyOf(plan, recipients), plan.ImplementsReference, plan.ImplementsDirectiveId, [.. recipients.Keys], []), now, context.UserId);
            directive.MarkIssued(command.IdempotencyKey, context.UserId, clock.Today(), now);
            db.Directives.Add(directive);
        }

        var work = new List<(WorkTask, IReadOnlyList<TaskRecipient>)>();
        var taskIds = new Dictionary<Guid, Guid>();
        foreach (var (a, i) in plan.Activities.Select((a, i) => (a, i)))
        {
            var details = new TaskDetails(a.Title, a.Content,
                a.LedByUnitItself ? tenant.Name : string.Join(", ", a.LeadTenantIds.Select(id => recipients[id].Name)),
                [.. a.CoordinatingTenantIds.Select(id => recipients[id].Name)], a.LeaderMembershipId, a.LeaderName, null, null,
                DeadlineKind.OnDate, a.To, null, null, null, [], TaskPriority.Normal, []);
            var task = new WorkTask(details, TaskOrigin.Plan, directive?.Id, i + 1, draft: false, now);
            db.Tasks.Add(task);
            taskIds[a.Id] = task.Id;
            var list = a.LeadTenantIds.Select(id => new TaskRecipient(recipients[id], HandoffRole.Lead))
                .Concat(a.CoordinatingTenantIds.Select(id => new TaskRecipient(recipients[id], HandoffRole.Coordinating))).ToList();
            if (list.Count > 0) work.Add((task, list));
        }
        plan.MarkIssued(command.IdempotencyKey, context.UserId, number, directive?.Id, [.. recipients.Keys], taskIds, now);
        if (work.Count > 0) await handOffs.HandOffAsync(work, directive, await db.ActorNameAsync(context, ct), ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanQuery(plan.Id), ct);
    }

    /// <summary>The plan as a document reads (mục đích, yêu cầu; mục tiêu; chỉ tiêu; nhiệm vụ): what the recipients' copy shows.</summary>
    private static string BodyOf(AnnualPlan plan, IReadOnlyDictionary<Guid, TenantInfo> units)
    {
        var b = new StringBuilder();
        b.AppendLine("I. MỤC ĐÍCH, YÊU CẦU").AppendLine();
        if (plan.Purpose is not null) b.AppendLine(plan.Purpose).AppendLine();
        if (plan.Requirements is not null) b.AppendLine(plan.Requirements).AppendLine();
        if (plan.Objectives.Count > 0)
        {
            b.AppendLine("II. MỤC TIÊU").AppendLine();
            foreach (var o in plan.Objectives) b.AppendLine("- " + o);
            b.AppendLine();
        }
        if (plan.Targets.Count > 0)
        {
            b.AppendLine("III. CHỈ TIÊU").AppendLine();
            foreach (var t in plan.Targets)
                b.AppendLine(t.Kind == TargetKind.Rank
                    ? $"- {t.Name}: phấn đấu xếp hạng {PlanNames.Value(t.TargetValue)} trở lên."
                    : $"- {t.Name}: {(t.Kind == TargetKind.AtMost ? "không quá" : "ít nhất")} {PlanNames.Value(t.TargetValue)} {t.Unit}.");
            b.AppendLine();
        }
        b.AppendLine("IV. NHIỆM VỤ, GIẢI PHÁP").AppendLine();
        foreach (var (a, i) in plan.Activities.Select((a, i) => (a, i)))
        {
            var lead = a.LedByUnitItself ? "" : " Chủ trì: " + string.Join(", ", a.LeadTenantIds.Select(id => units[id].Name)) + ".";
            var coordinating = a.CoordinatingTenantIds.Count == 0 ? "" : " Phối hợp: " + string.Join(", ", a.CoordinatingTenantIds.Select(id => units[id].Name)) + ".";
            b.AppendLine($"{i + 1}. {a.Title}.{lead}{coordinating} Thời gian: {a.From:dd/MM/yyyy} - {a.To:dd/MM/yyyy}.");
            if (a.Content is not null) b.AppendLine().AppendLine(a.Content);
            b.AppendLine();
        }
        return b.ToString().TrimEnd();
    }
}

public sealed class IssuePlanEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/plans/{id:guid}/issue", (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new IssuePlanCommand(id, request.Headers["Idempotency-Key"].FirstOrDefault()), ct))
        .WithTags("Plans").WithSummary("Issue a draft plan: its activities become tasks, handed to the child units they name (idempotent; Idempotency-Key header)")
        .Produces<PlanDetail>().WithCommandProblems();
}
