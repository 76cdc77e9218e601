using CommitteeCloud.Domain.Reviews;

namespace CommitteeCloud.Web.Features.Reviews;

public sealed record TemplateSummary(Guid? Id, string? ShippedKey, string Name, string? Description, decimal Total, int Criteria,
    decimal BonusCap, decimal DeductionCap, IReadOnlyList<string> Bands, bool Shipped);

public sealed record TemplateDetail(Guid? Id, string? ShippedKey, string Name, string? Description, CriteriaSheet Sheet, bool Shipped, uint? Version);

public sealed record CycleSummary(Guid Id, int Year, string Title, string TemplateName, DateOnly Deadline, ReviewCycleState State,
    RankingPublication Publication, int Units, int Submitted);

public sealed record UnitRow(Guid Id, Guid ChildTenantId, string ChildCode, string ChildName, UnitReviewState State, DateTimeOffset? SubmittedAt,
    decimal SelfTotal, decimal CurrentTotal, int Adjusted, string? NotEligibleReason, decimal? Total, string? Band, int? Rank);

/// <summary>Bảng theo dõi đợt đánh giá: who submitted, the running totals, and once finalized the ranking.</summary>
public sealed record CycleBoard(Guid Id, int Year, string Title, string TemplateName, CriteriaSheet Sheet, DateOnly Deadline, bool PastDeadline,
    ReviewCycleState State, RankingPublication Publication, IReadOnlyList<CriterionAppraiser> Appraisers, IReadOnlyList<UnitRow> Units,
    IReadOnlyList<RankingRow> Ranking, string? ReopenReason, int Reopenings, DateTimeOffset? FinalizedAt, uint Version);

/// <summary>Phiếu thẩm định: the unit's submission beside the adjustments, with the running total.</summary>
public sealed record UnitReviewDetail(Guid Id, Guid CycleId, string CycleTitle, string ChildName, UnitReviewState State, DateTimeOffset? SubmittedAt,
    CriteriaSheet Sheet, IReadOnlyList<ScoreLine> Lines, ReviewTotal SelfTotal, ReviewTotal Current, string CurrentBand, string? NotEligibleReason,
    IReadOnlyList<CriterionAppraiser> Appraisers, bool CycleFinalized, decimal? Total, string? Band, int? Rank, uint Version);

public sealed record SelfAssessmentSummary(Guid Id, int Year, string Title, string ParentName, DateOnly Deadline, SelfAssessmentState State,
    bool Locked, decimal? Total, string? Band, int? Rank);

/// <summary>Phiếu tự đánh giá of the unit, with live pre-fill and what it may do now.</summary>
public sealed record SelfAssessmentDetail(Guid Id, int Year, string Title, string ParentName, DateOnly Deadline, DateOnly PeriodFrom, DateOnly PeriodTo,
    SelfAssessmentState State, bool Locked, bool CanEdit, bool CanSubmit, bool CanWithdraw, CriteriaSheet Sheet, IReadOnlyList<ScoreLine> Lines,
    ReviewTotal Current, DateTimeOffset? SubmittedAt, decimal? Total, string? Band, string? NotEligibleReason, int? Rank, int? RankedUnits,
    RankingPublication Publication, IReadOnlyList<RankingRow> PublishedRanking, uint Version);

/// <summary>Live message names and inbox kinds of the review cycle.</summary>
public static class ReviewEvents
{
    public const string Changed = "reviewsChanged";
    public const string Opened = "review-opened";
    public const string Submitted = "review-submitted";
    public const string Withdrawn = "review-withdrawn";
    public const string Appraised = "review-appraised";
    public const string Finalized = "review-finalized";
    public const string Published = "review-published";
    public const string Reopened = "review-reopened";
}
