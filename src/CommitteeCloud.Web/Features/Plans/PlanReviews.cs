using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Plans;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// Sơ kết 6 tháng / tổng kết năm: a review document drafted from the plan's figures as they stand (targets with their
/// actuals, activities with their tasks' status and timeliness), its text written, then issued: read-only, and the
/// plan reviewed (mid-year) or closed (year-end). One review of each kind per plan (a second is a 409).
/// </summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record CreatePlanReviewCommand(Guid PlanId, ReviewKind Kind) : ICommand<PlanReviewDetail>;

public sealed class CreatePlanReviewValidator : AbstractValidator<CreatePlanReviewCommand>
{
    public CreatePlanReviewValidator() => RuleFor(x => x.Kind).IsInEnum();
}

public sealed class CreatePlanReviewHandler(AppDbContext db, ITenantContext context, PlanResults results, TimeProvider clock, IMediator mediator)
    : ICommandHandler<CreatePlanReviewCommand, PlanReviewDetail>
{
    public async ValueTask<PlanReviewDetail> Handle(CreatePlanReviewCommand command, CancellationToken ct)
    {
        var plan = await db.FindPlanAsync(command.PlanId, ct);
        if (await db.PlanReviews.AnyAsync(r => r.PlanId == plan.Id && r.Kind == command.Kind, ct))
            throw new ConflictException($"Kế hoạch đã có báo cáo {PlanNames.Kind(command.Kind).ToLowerInvariant()}.");
        var figures = await results.FiguresAsync(plan, command.Kind, ct);
        var review = new PlanReview(plan, command.Kind, figures, PlanResults.ResultsDraft(plan, command.Kind, figures), clock.GetUtcNow(), context.UserId);
        db.PlanReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanReviewQuery(plan.Id, review.Id), ct);
    }
}

[RequirePermission(Permissions.PlansView)]
public sealed record GetPlanReviewQuery(Guid PlanId, Guid Id) : IQuery<PlanReviewDetail>;

public sealed class GetPlanReviewHandler(AppDbContext db) : IQueryHandler<GetPlanReviewQuery, PlanReviewDetail>
{
    public async ValueTask<PlanReviewDetail> Handle(GetPlanReviewQuery query, CancellationToken ct)
    {
        var r = await db.PlanReviews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id && x.PlanId == query.PlanId, ct) ?? throw new NotFoundException("review");
        var plan = await db.AnnualPlans.AsNoTracking().FirstAsync(p => p.Id == r.PlanId, ct);
        return new PlanReviewDetail(r.Id, plan.Id, plan.Year, plan.Title, plan.Number, r.Kind, r.Status, r.PeriodFrom, r.PeriodTo, r.Figures,
            r.Figures.TargetsMet, r.Results, r.Shortcomings, r.Causes, r.Lessons, r.NextDirections, r.IssuedAt, r.Version);
    }
}

/// <summary>Viết báo cáo: its five parts, while a draft (send the version read; a stale one is a 409).</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record EditPlanReviewCommand(Guid PlanId, Guid Id, string? Results, string? Shortcomings, string? Causes, string? Lessons,
    string? NextDirections, uint? Version = null) : ICommand<PlanReviewDetail>;

public sealed class EditPlanReviewValidator : AbstractValidator<EditPlanReviewCommand>
{
    public EditPlanReviewValidator()
    {
        RuleFor(x => x.Results).MaximumLength(PlanReview.TextMaxLength);
        RuleFor(x => x.Shortcomings).MaximumLength(PlanReview.TextMaxLength);
        RuleFor(x => x.Causes).MaximumLength(PlanReview.TextMaxLength);
        RuleFor(x => x.Lessons).MaximumLength(PlanReview.TextMaxLength);
        RuleFor(x => x.NextDirections).MaximumLength(PlanReview.TextMaxLength);
    }
}

public sealed class EditPlanReviewHandler(AppDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<EditPlanReviewCommand, PlanReviewDetail>
{
    public async ValueTask<PlanReviewDetail> Handle(EditPlanReviewCommand command, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(command.PlanId, command.Id, ct);
        db.ExpectVersion(review, command.Version);
        review.Write(new ReviewText(command.Results, command.Shortcomings, command.Causes, command.Lessons, command.NextDirections), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanReviewQuery(command.PlanId, review.Id), ct);
    }
}

/// <summary>Lấy lại số liệu: a draft review's figures taken again from the plan as it stands now.</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record RefreshPlanReviewCommand(Guid PlanId, Guid Id) : ICommand<PlanReviewDetail>;

public sealed class RefreshPlanReviewHandler(AppDbContext db, PlanResults results, TimeProvider clock, IMediator mediator)
    : ICommandHandler<RefreshPlanReviewCommand, PlanReviewDetail>
{
    public async ValueTask<PlanReviewDetail> Handle(RefreshPlanReviewCommand command, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(command.PlanId, command.Id, ct);
        var plan = await db.FindPlanAsync(command.PlanId, ct);
        review.Refresh(await results.FiguresAsync(plan, review.Kind, ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanReviewQuery(command.PlanId, review.Id), ct);
    }
}

/// <summary>Ban hành báo cáo: it becomes read-only; the plan is marked reviewed (mid-year) or closed (year-end).</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record IssuePlanReviewCommand(Guid PlanId, Guid Id) : ICommand<PlanReviewDetail>;

public sealed class IssuePlanReviewHandler(AppDbContext db, ITenantContext context, TimeProvider clock, IMediator mediator)
    : ICommandHandler<IssuePlanReviewCommand, PlanReviewDetail>
{
    public async ValueTask<PlanReviewDetail> Handle(IssuePlanReviewCommand command, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(command.PlanId, command.Id, ct);
        if (review.Status == ReviewStatus.Issued) return await mediator.Send(new GetPlanReviewQuery(command.PlanId, review.Id), ct);
        var plan = await db.FindPlanAsync(command.PlanId, ct);
        review.Issue(plan, context.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanReviewQuery(command.PlanId, review.Id), ct);
    }
}

public sealed record CreateReviewBody(ReviewKind Kind);

public sealed record EditReviewBody(string? Results, string? Shortcomings, string? Causes, string? Lessons, string? NextDirections, uint? Version);

public sealed class PlanReviewEndpoints : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/plans/{id:guid}/reviews", async (Guid id, CreateReviewBody body, IMediator mediator, CancellationToken ct) =>
            {
                var review = await mediator.Send(new CreatePlanReviewCommand(id, body.Kind), ct);
                return Results.Created($"/api/plans/{id}/reviews/{review.Id}", review);
            })
            .WithTags("Plans").WithSummary("Draft the mid-year (MidYear) or year-end (YearEnd) review, pre-filled with the plan's figures")
            .Produces<PlanReviewDetail>(StatusCodes.Status201Created).WithCommandProblems();
        api.MapGet("/plans/{id:guid}/reviews/{reviewId:guid}", (Guid id, Guid reviewId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetPlanReviewQuery(id, reviewId), ct))
            .WithTags("Plans").WithSummary("A review with its figures and text")
            .Produces<PlanReviewDetail>().WithTenantProblems();
        api.MapPut("/plans/{id:guid}/reviews/{reviewId:guid}", (Guid id, Guid reviewId, EditReviewBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new EditPlanReviewCommand(id, reviewId, body.Results, body.Shortcomings, body.Causes, body.Lessons, body.NextDirections, body.Version), ct))
            .WithTags("Plans").WithSummary("Write a draft review's text (409 on a stale version)")
            .Produces<PlanReviewDetail>().WithCommandProblems();
        api.MapPost("/plans/{id:guid}/reviews/{reviewId:guid}/refresh", (Guid id, Guid reviewId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RefreshPlanReviewCommand(id, reviewId), ct))
            .WithTags("Plans").WithSummary("Take a draft review's figures again from the plan as it stands")
            .Produces<PlanReviewDetail>().WithCommandProblems();
        api.MapPost("/plans/{id:guid}/reviews/{reviewId:guid}/issue", (Guid id, Guid reviewId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new IssuePlanReviewCommand(id, reviewId), ct))
            .WithTags("Plans").WithSummary("Issue a review: read-only from then on; the plan is reviewed (mid-year) or closed (year-end)")
            .Produces<PlanReviewDetail>().WithCommandProblems();
    }
}
