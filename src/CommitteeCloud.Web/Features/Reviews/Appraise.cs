using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// Thẩm định, điều chỉnh điểm: an appraiser of the parent sets a line's points (a criterion, a bonus or a deduction)
/// with a mandatory written reason. When someone is named for the criterion, only they may. The unit sees the
/// adjustment and the reason at once: it is written to its sheet in the same transaction (a direct child, ADR 0005).
/// </summary>
[RequirePermission(Permissions.ReviewsAppraise)]
public sealed record AdjustScoreCommand(Guid CycleId, Guid UnitId, string Code, decimal Score, string Reason, uint? Version = null) : ICommand<UnitReviewDetail>;

public sealed class AdjustScoreValidator : AbstractValidator<AdjustScoreCommand>
{
    public AdjustScoreValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Hãy chọn tiêu chí.");
        RuleFor(x => x.Score).GreaterThanOrEqualTo(0).WithMessage("Điểm không được âm.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Hãy nêu lý do điều chỉnh điểm.").MaximumLength(UnitReview.ReasonMaxLength)
            .WithMessage("Lý do quá dài (tối đa 2000 ký tự).");
    }
}

/// <summary>Không xếp loại: the appraiser sets a unit aside from the ranking, with a reason (an empty reason clears it).</summary>
[RequirePermission(Permissions.ReviewsAppraise)]
public sealed record SetNotEligibleCommand(Guid CycleId, Guid UnitId, string? Reason, uint? Version = null) : ICommand<UnitReviewDetail>;

public sealed class SetNotEligibleValidator : AbstractValidator<SetNotEligibleCommand>
{
    public SetNotEligibleValidator() => RuleFor(x => x.Reason).MaximumLength(UnitReview.ReasonMaxLength).WithMessage("Lý do quá dài (tối đa 2000 ký tự).");
}

/// <summary>Phân công thẩm định theo tiêu chí: from then on only the named person adjusts that criterion.</summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record AssignAppraisersCommand(Guid CycleId, AppraiserInput[] Appraisers, uint? Version = null) : ICommand<CycleBoard>;

public sealed record AppraiserInput(string? Code, Guid? UserId);

public sealed class AssignAppraisersValidator : AbstractValidator<AssignAppraisersCommand>
{
    public AssignAppraisersValidator() => RuleForEach(x => x.Appraisers).ChildRules(a =>
    {
        a.RuleFor(x => x.Code).NotEmpty().WithMessage("Hãy chọn tiêu chí.");
        a.RuleFor(x => x.UserId).NotEmpty().WithMessage("Hãy chọn người thẩm định.");
    });
}

public sealed class AdjustScoreHandler(AppDbContext db, ITenantContext context, TenantStore tenants, TaskAudience audience, TimeProvider clock,
    AfterCommit afterCommit, LivePush push, IMediator mediator) : ICommandHandler<AdjustScoreCommand, UnitReviewDetail>
{
    public async ValueTask<UnitReviewDetail> Handle(AdjustScoreCommand command, CancellationToken ct)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CycleId, ct) ?? throw new NotFoundException("cycle");
        var review = await db.UnitReviews.FirstOrDefaultAsync(u => u.Id == command.UnitId && u.CycleId == cycle.Id, ct) ?? throw new NotFoundException("unit review");
        db.ExpectVersion(review, command.Version);
        cycle.EnsureOpen();
        var code = command.Code.Trim();
        if (!cycle.MayAppraise(code, context.UserId ?? Guid.Empty))
            throw new ForbiddenException("Tiêu chí này đã được phân công cho người thẩm định khác.");
        var actor = await db.ActorNameAsync(context, ct);
        var line = review.Appraise(cycle.Sheet, code, command.Score, command.Reason, actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var criterion = cycle.Sheet.CriterionOf(code)?.Title ?? cycle.Sheet.BonusOf(code)?.Title ?? cycle.Sheet.DeductionOf(code)?.Title ?? code;
        await ReviewChildren.InChildAsync(db, context, tenants, review.ChildTenantId, async child =>
        {
            var assessment = await db.SelfAssessments.FirstOrDefaultAsync(s => s.Id == review.AssessmentId && s.UnitReviewId == review.Id, ct);
            if (assessment is null) return;
            assessment.ApplyAppraisal(line);
            await audience.NotifyAsync(Permissions.ReviewsSelfAssess, null, ReviewEvents.Appraised,
                $"{context.Tenant!.Name} điều chỉnh điểm tiêu chí {code}: {line.AppraisedScore:0.##} điểm", $"{criterion}. Lý do: {line.AppraisalReason}",
                $"/t/{child.Code}/reviews/self/{assessment.Id}", $"{ReviewEvents.Appraised}:{assessment.Id:N}:{code}:{line.AppraisedAt!.Value.ToUnixTimeMilliseconds()}", ct);
            afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(child.Id, ReviewEvents.Changed, assessment.Id)));
        }, ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(context.Tenant!.Id, ReviewEvents.Changed, cycle.Id)));
        return await mediator.Send(new GetUnitReviewQuery(cycle.Id, review.Id), ct);
    }
}

public sealed class SetNotEligibleHandler(AppDbContext db, AfterCommit afterCommit, LivePush push, ITenantContext context, IMediator mediator)
    : ICommandHandler<SetNotEligibleCommand, UnitReviewDetail>
{
    public async ValueTask<UnitReviewDetail> Handle(SetNotEligibleCommand command, CancellationToken ct)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CycleId, ct) ?? throw new NotFoundException("cycle");
        var review = await db.UnitReviews.FirstOrDefaultAsync(u => u.Id == command.UnitId && u.CycleId == cycle.Id, ct) ?? throw new NotFoundException("unit review");
        db.ExpectVersion(review, command.Version);
        cycle.EnsureOpen();
        review.SetNotEligible(command.Reason);
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(context.Tenant!.Id, ReviewEvents.Changed, cycle.Id)));
        return await mediator.Send(new GetUnitReviewQuery(cycle.Id, review.Id), ct);
    }
}

public sealed class AssignAppraisersHandler(AppDbContext db, IMediator mediator) : ICommandHandler<AssignAppraisersCommand, CycleBoard>
{
    public async ValueTask<CycleBoard> Handle(AssignAppraisersCommand command, CancellationToken ct)
    {
        var cycle = await db.ReviewCycles.FirstOrDefaultAsync(c => c.Id == command.CycleId, ct) ?? throw new NotFoundException("cycle");
        db.ExpectVersion(cycle, command.Version);
        var userIds = command.Appraisers.Select(a => a.UserId!.Value).Distinct().ToList();
        // Only members of this unit holding the permission to appraise.
        var holders = await db.Memberships.Where(m => userIds.Contains(m.UserId))
            .Where(m => db.TenantRoles.Any(r => m.RoleIds.Contains(r.Id) && r.Permissions.Contains(Permissions.ReviewsAppraise)))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.FullName }).ToListAsync(ct);
        var appraisers = new List<CriterionAppraiser>();
        for (var i = 0; i < command.Appraisers.Length; i++)
        {
            var input = command.Appraisers[i];
            var holder = holders.FirstOrDefault(h => h.UserId == input.UserId)
                ?? throw new DomainRuleException($"appraisers[{i}].userId", "Người được phân công không phải thành viên có quyền thẩm định.");
            appraisers.Add(new CriterionAppraiser { Code = input.Code!.Trim(), UserId = holder.UserId, Name = holder.FullName });
        }
        cycle.AssignAppraisers(appraisers);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetCycleQuery(cycle.Id), ct);
    }
}

/// <summary>Acting in a unit's tenant from its parent's transaction: only while it is still a direct child.</summary>
internal static class ReviewChildren
{
    public static async Task InChildAsync(AppDbContext db, ITenantContext context, TenantStore tenants, Guid childTenantId, Func<TenantInfo, Task> act, CancellationToken ct)
    {
        var child = await tenants.FindByIdAsync(childTenantId, ct);
        if (child is null || child.ParentId != context.Tenant!.Id) return;
        await using (await db.ActInTenantAsync(child, ct)) await act(child);
    }
}

public sealed class AppraiseEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/review-cycles/{id:guid}/units/{unitId:guid}/adjustments", (Guid id, Guid unitId, AdjustScoreBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AdjustScoreCommand(id, unitId, body.Code ?? "", body.Score ?? -1, body.Reason ?? "", body.Version), ct))
            .WithTags("Reviews").WithSummary("Adjust a unit's score on one line, with a written reason").Produces<UnitReviewDetail>().WithCommandProblems();
        api.MapPut("/review-cycles/{id:guid}/units/{unitId:guid}/not-eligible", (Guid id, Guid unitId, NotEligibleBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetNotEligibleCommand(id, unitId, body.Reason, body.Version), ct))
            .WithTags("Reviews").WithSummary("Set a unit aside from the ranking (không xếp loại) with a reason, or clear it").Produces<UnitReviewDetail>().WithCommandProblems();
        api.MapPut("/review-cycles/{id:guid}/appraisers", (Guid id, AppraisersBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AssignAppraisersCommand(id, body.Appraisers ?? [], body.Version), ct))
            .WithTags("Reviews").WithSummary("Name the appraiser of each criterion").Produces<CycleBoard>().WithCommandProblems();
    }
}

public sealed record AdjustScoreBody(string? Code, decimal? Score, string? Reason, uint? Version);
public sealed record NotEligibleBody(string? Reason, uint? Version);
public sealed record AppraisersBody(AppraiserInput[]? Appraisers, uint? Version);
