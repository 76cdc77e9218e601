using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Plans;

public sealed record PlanListItem(Guid Id, int Year, string? Number, string Title, PlanStatus Status, DateTimeOffset? IssuedAt,
    int TargetCount, int ActivityCount, string? ImplementsReference);

/// <summary>A parent's Kế hoạch received here (the directive copy), which a plan of this unit may implement.</summary>
public sealed record ReceivedPlanDto(Guid DirectiveId, string Number, DateOnly? IssueDate, string IssuingBody, string Subject, string? SourceTenantName,
    int TaskCount, Guid? ImplementedByPlanId);

public sealed record PlanList(IReadOnlyList<PlanListItem> Plans, IReadOnlyList<ReceivedPlanDto> Received);

/// <summary>A target with its actual: counted by the system (indicator code) or typed by hand.</summary>
public sealed record PlanTargetDto(Guid Id, string Name, string Unit, TargetKind Kind, decimal TargetValue, string? IndicatorCode,
    string? IndicatorName, decimal? Actual, bool ActualIsAutomatic, TargetStatus Status);

public sealed record PlanUnitDto(Guid Id, string Code, string Name);

public sealed record PlanActivityDto(Guid Id, string Title, string? Content, IReadOnlyList<PlanUnitDto> LeadUnits, IReadOnlyList<PlanUnitDto> CoordinatingUnits,
    bool LedByUnitItself, DateOnly From, DateOnly To, Guid? LeaderMembershipId, string? LeaderName, Guid? TaskId, TaskState? TaskState,
    decimal? Percent, Timeliness? Timeliness);

public sealed record PlanReviewItem(Guid Id, ReviewKind Kind, ReviewStatus Status, DateOnly PeriodFrom, DateOnly PeriodTo, DateTimeOffset? IssuedAt);

public sealed record PlanDetail(
    Guid Id, int Year, string? Number, string Title, string? Purpose, string? Requirements, IReadOnlyList<string> Objectives,
    IReadOnlyList<PlanTargetDto> Targets, IReadOnlyList<PlanActivityDto> Activities, PlanStatus Status, Guid? ImplementsDirectiveId,
    string? ImplementsReference, Guid? CopiedFromPlanId, Guid? DirectiveId, DateTimeOffset? IssuedAt, DateOnly ActualsFrom, DateOnly ActualsTo,
    TimelinessCounts TaskCounts, IReadOnlyList<PlanReviewItem> Reviews, uint Version);

public sealed record PlanReviewDetail(
    Guid Id, Guid PlanId, int Year, string PlanTitle, string? PlanNumber, ReviewKind Kind, ReviewStatus Status, DateOnly PeriodFrom, DateOnly PeriodTo,
    ReviewFigures Figures, int TargetsMet, string? Results, string? Shortcomings, string? Causes, string? Lessons, string? NextDirections,
    DateTimeOffset? IssuedAt, uint Version);

public static class PlanQueries
{
    /// <summary>This unit's plan, tracked for a change; another tenant's id is the same 404 as an unknown one.</summary>
    public static async Task<AnnualPlan> FindPlanAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.AnnualPlans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("plan");

    public static async Task<PlanReview> FindReviewAsync(this AppDbContext db, Guid planId, Guid id, CancellationToken ct) =>
        await db.PlanReviews.FirstOrDefaultAsync(r => r.Id == id && r.PlanId == planId, ct) ?? throw new NotFoundException("review");
}
