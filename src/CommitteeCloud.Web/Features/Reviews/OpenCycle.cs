using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// Mở đợt đánh giá, xếp loại: the parent opens a cycle on one of its templates for chosen direct children, with a
/// deadline. As a task hand-off does (ADR 0005), the cycle and one <see cref="UnitReview"/> per child are written here
/// and, acting in each child's tenant inside the same transaction, the child's own <see cref="SelfAssessment"/> and
/// its inbox notification. All or nothing. A child already in a cycle of the same year is refused, so a repeated
/// request changes nothing.
/// </summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record OpenCycleCommand(Guid TemplateId, int Year, string Title, DateOnly Deadline, Guid[] ChildTenantIds) : ICommand<CycleBoard>;

public sealed class OpenCycleValidator : AbstractValidator<OpenCycleCommand>
{
    public OpenCycleValidator()
    {
        RuleFor(x => x.TemplateId).NotEmpty().WithMessage("Hãy chọn bộ tiêu chí.");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm không hợp lệ.");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên đợt đánh giá.").MaximumLength(ReviewCycle.TitleMaxLength);
        RuleFor(x => x.ChildTenantIds).NotEmpty().WithMessage("Hãy chọn ít nhất một đơn vị.")
            .Must(ids => ids.Length <= 2000).WithMessage("Tối đa 2000 đơn vị mỗi đợt.");
    }
}

public sealed class OpenCycleHandler(AppDbContext db, ITenantContext context, TaskHandOffs children, TaskAudience audience, TimeProvider clock,
    AfterCommit afterCommit, LivePush push, IMediator mediator) : ICommandHandler<OpenCycleCommand, CycleBoard>
{
    public async ValueTask<CycleBoard> Handle(OpenCycleCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var now = clock.GetUtcNow();
        if (command.Deadline < clock.Today()) throw new DomainRuleException("deadline", "Hạn tự đánh giá phải từ hôm nay trở đi.");
        var template = await db.CriteriaTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TemplateId, ct)
            ?? throw new DomainRuleException("templateId", "Bộ tiêu chí không tồn tại.");
        var recipients = new List<TenantInfo>();
        foreach (var id in command.ChildTenantIds.Distinct()) recipients.Add(await children.ChildAsync(id, "childTenantIds", ct));
        var ids = recipients.Select(r => r.Id).ToList();
        var already = await db.UnitReviews
            .Where(u => ids.Contains(u.ChildTenantId) && db.ReviewCycles.Any(c => c.Id == u.CycleId && c.Year == command.Year))
            .Select(u => u.ChildName).ToListAsync(ct);
        if (already.Count > 0)
            throw new DomainRuleException("childTenantIds", $"Đã mở đánh giá năm {command.Year} cho: {string.Join(", ", already)}.");

        var actor = await db.ActorNameAsync(context, ct);
        var cycle = new ReviewCycle(command.Year, command.Title, template, command.Deadline, actor, now);
        db.ReviewCycles.Add(cycle);
        var reviews = recipients.Select(r => (Recipient: r, Review: new UnitReview(cycle, r.Id, r.Code, r.Name))).ToList();
        foreach (var (_, review) in reviews) db.UnitReviews.Add(review);
        await db.SaveChangesAsync(ct);
        db.Forget([cycle, .. reviews.Select(r => (object)r.Review)]);

        await using (var inTurn = db.ActInTenantsInTurn())
        {
            foreach (var (recipient, review) in reviews)
            {
                var assessment = SelfAssessment.Received(review, cycle, current.Id, current.Name);
                await using (await inTurn.EnterAsync(recipient, ct))
                {
                    db.SelfAssessments.Add(assessment);
                    await audience.NotifyAsync(Permissions.ReviewsSelfAssess, null, ReviewEvents.Opened,
                        $"{current.Name} mở đợt đánh giá, xếp loại công tác dân vận năm {cycle.Year}", $"Hạn tự đánh giá: {cycle.Deadline:dd/MM/yyyy}",
                        $"/t/{recipient.Code}/reviews/self/{assessment.Id}", $"{ReviewEvents.Opened}:{assessment.Id:N}", ct, knownNew: true);
                }
                // Saved when its tenant was left: tracked any longer, its JSON columns would be compared again at
                // every following unit's save (a cycle of a thousand units would take minutes).
                db.Forget([assessment]);
            }
        }
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReviewEvents.Changed, cycle.Id)));
        return await mediator.Send(new GetCycleQuery(cycle.Id), ct);
    }
}

public sealed class OpenCycleEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/review-cycles", (OpenCycleBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new OpenCycleCommand(body.TemplateId ?? Guid.Empty, body.Year ?? 0, body.Title ?? "", body.Deadline ?? default, body.ChildTenantIds ?? []), ct))
        .WithTags("Reviews").WithSummary("Open a review cycle on a template for direct child units, with a self-assessment deadline")
        .Produces<CycleBoard>().WithCommandProblems();
}

public sealed record OpenCycleBody(Guid? TemplateId, int? Year, string? Title, DateOnly? Deadline, Guid[]? ChildTenantIds);
