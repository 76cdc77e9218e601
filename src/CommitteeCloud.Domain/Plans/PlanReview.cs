using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Plans;

public enum ReviewKind
{
    /// <summary>Sơ kết 6 tháng: January 1 to June 30.</summary>
    MidYear,
    /// <summary>Tổng kết năm: January 1 to December 31.</summary>
    YearEnd,
}

public enum ReviewStatus
{
    Draft,
    /// <summary>Đã ban hành: read-only.</summary>
    Issued,
}

/// <summary>A target as it stood when the review was drafted.</summary>
public sealed record ReviewTargetFigure(Guid TargetId, string Name, string Unit, TargetKind Kind, decimal TargetValue, string? IndicatorCode,
    decimal? Actual, TargetStatus Status);

/// <summary>An activity's task as it stood when the review was drafted.</summary>
public sealed record ReviewActivityFigure(Guid ActivityId, string Title, string Units, DateOnly From, DateOnly To, string State,
    decimal Percent, string Timeliness);

/// <summary>The figures a review is written from (số liệu), taken when it is drafted and kept as they were.</summary>
public sealed record ReviewFigures(
    IReadOnlyList<ReviewTargetFigure> Targets, IReadOnlyList<ReviewActivityFigure> Activities,
    int TasksCompletedOnTime, int TasksCompletedLate, int TasksOverdue, int TasksInProgress)
{
    public int TargetsMet => Targets.Count(t => t.Status is TargetStatus.Met or TargetStatus.Exceeded);
}

/// <summary>
/// Báo cáo sơ kết 6 tháng / tổng kết năm of an annual plan: pre-filled with the plan's figures, its text (kết quả,
/// hạn chế, nguyên nhân, bài học kinh nghiệm, phương hướng) written by the officer, then issued and read-only.
/// </summary>
public sealed class PlanReview : Entity, ITenantOwned, IVersioned
{
    public const int TextMaxLength = 50_000;

    private PlanReview() { }

    public PlanReview(AnnualPlan plan, ReviewKind kind, ReviewFigures figures, string resultsDraft, DateTimeOffset now, Guid? createdBy)
    {
        if (plan.Status == PlanStatus.Draft) throw new DomainRuleException("kind", "Kế hoạch chưa ban hành, chưa sơ kết, tổng kết được.");
        if (plan.Status == PlanStatus.Closed) throw new DomainRuleException("kind", "Kế hoạch đã tổng kết.");
        PlanId = plan.Id;
        Kind = kind;
        (PeriodFrom, PeriodTo) = PeriodOf(plan.Year, kind);
        Figures = figures;
        Results = resultsDraft;
        Status = ReviewStatus.Draft;
        CreatedAt = now;
        CreatedByUserId = createdBy;
        UpdatedAt = now;
    }

    public static (DateOnly From, DateOnly To) PeriodOf(int year, ReviewKind kind) =>
        (new DateOnly(year, 1, 1), kind == ReviewKind.MidYear ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31));

    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public ReviewKind Kind { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public ReviewFigures Figures { get; private set; } = new([], [], 0, 0, 0, 0);

    /// <summary>Kết quả đạt được.</summary>
    public string? Results { get; private set; }

    /// <summary>Hạn chế, khuyết điểm.</summary>
    public string? Shortcomings { get; private set; }

    /// <summary>Nguyên nhân.</summary>
    public string? Causes { get; private set; }

    /// <summary>Bài học kinh nghiệm.</summary>
    public string? Lessons { get; private set; }

    /// <summary>Phương hướng, nhiệm vụ thời gian tới.</summary>
    public string? NextDirections { get; private set; }
    public ReviewStatus Status { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public Guid? IssuedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Write(ReviewText text, DateTimeOffset now)
    {
        if (Status != ReviewStatus.Draft) throw new DomainRuleException("status", "Báo cáo đã ban hành, không sửa được.");
        Results = Clean(text.Results);
        Shortcomings = Clean(text.Shortcomings);
        Causes = Clean(text.Causes);
        Lessons = Clean(text.Lessons);
        NextDirections = Clean(text.NextDirections);
        UpdatedAt = now;
    }

    /// <summary>Lấy lại số liệu: while a draft, the figures may be taken again.</summary>
    public void Refresh(ReviewFigures figures, DateTimeOffset now)
    {
        if (Status != ReviewStatus.Draft) throw new DomainRuleException("status", "Báo cáo đã ban hành, không sửa được.");
        Figures = figures;
        UpdatedAt = now;
    }

    public void Issue(AnnualPlan plan, Guid? userId, DateTimeOffset now)
    {
        if (Status != ReviewStatus.Draft) throw new DomainRuleException("status", "Báo cáo đã ban hành.");
        if (string.IsNullOrWhiteSpace(Results)) throw new DomainRuleException("results", "Hãy viết phần kết quả trước khi ban hành.");
        plan.MarkReviewed(Kind, now);
        Status = ReviewStatus.Issued;
        IssuedAt = now;
        IssuedByUserId = userId;
        UpdatedAt = now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The parts of a review an officer writes.</summary>
public sealed record ReviewText(string? Results, string? Shortcomings, string? Causes, string? Lessons, string? NextDirections);
