using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Reviews;

/// <summary>Bộ tiêu chí đánh giá, xếp loại công tác dân vận: a tenant's own template, copied into every cycle it opens.</summary>
public sealed class CriteriaTemplate : Entity, ITenantOwned, IVersioned
{
    public const int NameMaxLength = 300;
    public const int TextMaxLength = 4000;

    private CriteriaTemplate() { }

    public CriteriaTemplate(string name, string? description, CriteriaSheet sheet, string? shippedKey, string createdBy, DateTimeOffset now)
    {
        Name = name.Trim();
        Description = description;
        Sheet = sheet;
        ShippedKey = shippedKey;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public CriteriaSheet Sheet { get; private set; } = new();

    /// <summary>Which shipped example it was copied from, if any (so the demo seeder copies each once).</summary>
    public string? ShippedKey { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Edit(string name, string? description, CriteriaSheet sheet, DateTimeOffset now)
    {
        Name = name.Trim();
        Description = description;
        Sheet = sheet;
        UpdatedAt = now;
    }
}

public enum ReviewCycleState
{
    /// <summary>Đang đánh giá: units self-assess until the deadline, appraisers adjust.</summary>
    Open,
    /// <summary>Đã chốt kết quả: totals, bands and ranks are fixed; everything is locked.</summary>
    Finalized,
}

public enum RankingPublication
{
    NotPublished,
    /// <summary>Công bố toàn bộ bảng xếp hạng.</summary>
    FullTable,
    /// <summary>Mỗi đơn vị chỉ thấy kết quả và thứ hạng của mình.</summary>
    OwnResult,
}

/// <summary>Người thẩm định một tiêu chí: when set, only this person adjusts it.</summary>
public sealed class CriterionAppraiser
{
    public string Code { get; set; } = "";
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>
/// Đợt đánh giá, xếp loại: the parent's cycle, in the parent's tenant, with the criteria frozen when it opened. Each
/// unit has a <see cref="UnitReview"/> here and its own <see cref="SelfAssessment"/> in its tenant.
/// </summary>
public sealed class ReviewCycle : Entity, ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 300;

    private ReviewCycle() { }

    public ReviewCycle(int year, string title, CriteriaTemplate template, DateOnly deadline, string openedBy, DateTimeOffset now)
    {
        Year = year;
        Title = title.Trim();
        TemplateId = template.Id;
        TemplateName = template.Name;
        Sheet = template.Sheet;
        Deadline = deadline;
        PeriodFrom = new DateOnly(year, 1, 1);
        PeriodTo = new DateOnly(year, 12, 31);
        OpenedBy = openedBy;
        OpenedAt = now;
    }

    public Guid TenantId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public Guid TemplateId { get; private set; }
    public string TemplateName { get; private set; } = "";
    public CriteriaSheet Sheet { get; private set; } = new();
    public DateOnly Deadline { get; private set; }

    /// <summary>The period live figures are counted over (the cycle's year).</summary>
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public ReviewCycleState State { get; private set; }
    public RankingPublication Publication { get; private set; }
    public List<CriterionAppraiser> Appraisers { get; private set; } = [];
    public List<RankingRow> Ranking { get; private set; } = [];
    public string OpenedBy { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? FinalizedAt { get; private set; }
    public string? FinalizedBy { get; private set; }

    /// <summary>Lý do mở lại: kept on the row so that the audit entry of the reopening carries it.</summary>
    public string? ReopenReason { get; private set; }
    public int Reopenings { get; private set; }
    public uint Version { get; private set; }

    public bool IsFinalized => State == ReviewCycleState.Finalized;

    public void AssignAppraisers(IReadOnlyList<CriterionAppraiser> appraisers)
    {
        EnsureOpen();
        foreach (var a in appraisers)
            if (Sheet.CriterionOf(a.Code) is null && Sheet.BonusOf(a.Code) is null && Sheet.DeductionOf(a.Code) is null)
                throw new DomainRuleException("appraisers", $"Không có tiêu chí mã \"{a.Code}\" trong bộ tiêu chí của đợt.");
        Appraisers = [.. appraisers.GroupBy(a => a.Code).Select(g => g.Last())];
    }

    /// <summary>Whether <paramref name="userId"/> may adjust the line: anyone with the permission, unless someone is named for it.</summary>
    public bool MayAppraise(string code, Guid userId) => Appraisers.FirstOrDefault(a => a.Code == code) is not { } named || named.UserId == userId;

    public void Finalize(List<RankingRow> ranking, string actor, DateTimeOffset now)
    {
        EnsureOpen();
        State = ReviewCycleState.Finalized;
        Ranking = ranking;
        FinalizedAt = now;
        FinalizedBy = actor;
    }

    public void Publish(RankingPublication publication)
    {
        if (!IsFinalized) throw new DomainRuleException("state", "Chỉ công bố được kết quả sau khi đã chốt.");
        if (publication == RankingPublication.NotPublished) throw new DomainRuleException("publication", "Hãy chọn cách công bố.");
        Publication = publication;
    }

    public void Reopen(string reason, DateOnly? newDeadline, DateOnly today)
    {
        if (!IsFinalized) throw new DomainRuleException("state", "Đợt đánh giá chưa chốt, không cần mở lại.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("reason", "Hãy nêu lý do mở lại.");
        if (newDeadline is { } d && d < today) throw new DomainRuleException("deadline", "Hạn mới phải từ hôm nay trở đi.");
        State = ReviewCycleState.Open;
        Publication = RankingPublication.NotPublished;
        Ranking = [];
        ReopenReason = reason.Trim();
        Reopenings++;
        if (newDeadline is { } nd) Deadline = nd;
        FinalizedAt = null;
        FinalizedBy = null;
    }

    public void EnsureOpen()
    {
        if (IsFinalized) throw new DomainRuleException("state", "Đợt đánh giá đã chốt kết quả: mọi điểm đã khóa.");
    }
}

public enum UnitReviewState
{
    /// <summary>Chưa nộp (or withdrawn by the unit).</summary>
    NotSubmitted,
    /// <summary>Đã nộp bản tự đánh giá.</summary>
    Submitted,
    /// <summary>Đã chốt kết quả.</summary>
    Finalized,
}

/// <summary>
/// Kết quả đánh giá một đơn vị, on the parent's side: the unit's submission copied up when it submits, the appraisers'
/// adjustments, and at finalization the total, band and rank.
/// </summary>
public sealed class UnitReview : Entity, ITenantOwned, IVersioned
{
    public const int ReasonMaxLength = 2000;

    private UnitReview() { }

    public UnitReview(ReviewCycle cycle, Guid childTenantId, string childCode, string childName)
    {
        CycleId = cycle.Id;
        ChildTenantId = childTenantId;
        ChildCode = childCode;
        ChildName = childName;
        AssessmentId = Guid.CreateVersion7();
        Lines = [.. cycle.Sheet.Codes.Select(c => new ScoreLine { Code = c })];
    }

    public Guid TenantId { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid ChildTenantId { get; private set; }
    public string ChildCode { get; private set; } = "";
    public string ChildName { get; private set; } = "";

    /// <summary>The id of the unit's own <see cref="SelfAssessment"/> in its tenant.</summary>
    public Guid AssessmentId { get; private set; }
    public UnitReviewState State { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public int Submissions { get; private set; }
    public List<ScoreLine> Lines { get; private set; } = [];

    /// <summary>Lý do không xếp loại, set by the appraiser.</summary>
    public string? NotEligibleReason { get; private set; }
    public decimal? Total { get; private set; }
    public string? Band { get; private set; }
    public int? Rank { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The unit's submission arrives: its self-scores and evidence replace the previous copy; adjustments stay.</summary>
    public void ReceiveSubmission(IReadOnlyList<ScoreLine> submitted, DateTimeOffset now)
    {
        if (State == UnitReviewState.Finalized) throw new DomainRuleException("state", "Đợt đánh giá đã chốt kết quả: không nộp được nữa.");
        foreach (var line in Lines)
        {
            var from = submitted.FirstOrDefault(s => s.Code == line.Code);
            line.SelfScore = from?.SelfScore;
            line.Explanation = from?.Explanation;
            line.Evidence = from?.Evidence ?? [];
            line.LiveValue = from?.LiveValue;
        }
        Lines = [.. Lines.Select(l => l.Clone())];
        State = UnitReviewState.Submitted;
        SubmittedAt = now;
        Submissions++;
    }

    public void Withdraw()
    {
        if (State == UnitReviewState.Finalized) throw new DomainRuleException("state", "Đợt đánh giá đã chốt kết quả: không rút được nữa.");
        State = UnitReviewState.NotSubmitted;
    }

    /// <summary>Điều chỉnh điểm: any line, within its maximum, always with a written reason.</summary>
    public ScoreLine Appraise(CriteriaSheet sheet, string code, decimal score, string reason, string appraiser, DateTimeOffset now)
    {
        if (State == UnitReviewState.Finalized) throw new DomainRuleException("state", "Đợt đánh giá đã chốt kết quả: mọi điểm đã khóa.");
        var max = sheet.MaxOf(code) ?? throw new DomainRuleException("code", $"Không có tiêu chí mã \"{code}\".");
        if (score < 0 || score > max) throw new DomainRuleException("score", $"Điểm phải từ 0 đến {max:0.##}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("reason", "Hãy nêu lý do điều chỉnh điểm.");
        var lines = Lines.Select(l => l.Clone()).ToList();
        var line = lines.FirstOrDefault(l => l.Code == code);
        if (line is null) lines.Add(line = new ScoreLine { Code = code });
        line.AppraisedScore = score;
        line.AppraisalReason = reason.Trim();
        line.AppraisedBy = appraiser;
        line.AppraisedAt = now;
        Lines = lines;
        return line;
    }

    public void SetNotEligible(string? reason)
    {
        if (State == UnitReviewState.Finalized) throw new DomainRuleException("state", "Đợt đánh giá đã chốt kết quả: mọi điểm đã khóa.");
        NotEligibleReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}

public enum SelfAssessmentState
{
    /// <summary>Đang tự chấm.</summary>
    Draft,
    /// <summary>Đã nộp: editable again only after withdrawing, before the deadline.</summary>
    Submitted,
    /// <summary>Đã khóa (hết hạn).</summary>
    Locked,
    /// <summary>Đã có kết quả.</summary>
    Finalized,
}

/// <summary>
/// Bản tự đánh giá: the unit's own sheet in its tenant. It learns its parent's adjustments and its result, never
/// another unit's sheet; after finalization it holds only what the parent published.
/// </summary>
public sealed class SelfAssessment : Entity, ITenantOwned, IVersioned
{
    private SelfAssessment() { }

    public static SelfAssessment Received(UnitReview review, ReviewCycle cycle, Guid parentTenantId, string parentName) => new()
    {
        Id = review.AssessmentId, CycleId = cycle.Id, UnitReviewId = review.Id, ParentTenantId = parentTenantId, ParentName = parentName,
        Year = cycle.Year, Title = cycle.Title, Deadline = cycle.Deadline, PeriodFrom = cycle.PeriodFrom, PeriodTo = cycle.PeriodTo, Sheet = cycle.Sheet,
        Lines = [.. cycle.Sheet.Codes.Select(c => new ScoreLine { Code = c })],
    };

    public Guid TenantId { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid UnitReviewId { get; private set; }
    public Guid ParentTenantId { get; private set; }
    public string ParentName { get; private set; } = "";
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public CriteriaSheet Sheet { get; private set; } = new();
    public SelfAssessmentState State { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public List<ScoreLine> Lines { get; private set; } = [];
    public decimal? Total { get; private set; }
    public string? Band { get; private set; }
    public string? NotEligibleReason { get; private set; }
    public int? Rank { get; private set; }
    public int? RankedUnits { get; private set; }
    public RankingPublication Publication { get; private set; }

    /// <summary>The full table, only when the parent published it so.</summary>
    public List<RankingRow> PublishedRanking { get; private set; } = [];

    /// <summary>When the last result, publication or reopening from the parent was made: older deliveries change nothing.</summary>
    public DateTimeOffset? ResultAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsLocked(DateOnly today) => State is SelfAssessmentState.Locked or SelfAssessmentState.Finalized || today > Deadline;

    private void EnsureEditable(DateOnly today, string verb)
    {
        if (State == SelfAssessmentState.Finalized) throw new DomainRuleException("state", $"Đợt đánh giá đã có kết quả: không {verb} được nữa.");
        if (IsLocked(today)) throw new DomainRuleException("deadline", $"Đã hết hạn tự đánh giá ({Deadline:dd/MM/yyyy}): phiếu đã khóa, không {verb} được nữa.");
    }

    /// <summary>
    /// Lưu điểm tự chấm: each line within its maximum (criteria the appraiser alone scores, and deductions, are not the
    /// unit's to set). Refused once submitted (withdraw first) and after the deadline.
    /// </summary>
    public void Score(IReadOnlyList<ScoreLine> input, DateOnly today)
    {
        EnsureEditable(today, "sửa");
        if (State == SelfAssessmentState.Submitted) throw new DomainRuleException("state", "Bản tự đánh giá đã nộp: hãy rút lại trước khi sửa.");
        var lines = Lines.Select(l => l.Clone()).ToList();
        for (var i = 0; i < input.Count; i++)
        {
            var given = input[i];
            var line = lines.FirstOrDefault(l => l.Code == given.Code) ?? throw new DomainRuleException($"lines[{i}].code", $"Không có tiêu chí mã \"{given.Code}\".");
            var criterion = Sheet.CriterionOf(given.Code);
            var bonus = Sheet.BonusOf(given.Code);
            if ((criterion is null || !criterion.SelfScored) && bonus is null)
                throw new DomainRuleException($"lines[{i}].score", "Tiêu chí này do cấp trên chấm, đơn vị không tự chấm.");
            var max = criterion?.MaxPoints ?? bonus!.MaxPoints;
            if (given.SelfScore is { } s && (s < 0 || s > max))
                throw new DomainRuleException($"lines[{i}].score", $"Điểm tự chấm phải từ 0 đến {max:0.##}.");
            line.SelfScore = given.SelfScore;
            line.Explanation = string.IsNullOrWhiteSpace(given.Explanation) ? null : given.Explanation.Trim();
            line.Evidence = given.Evidence;
        }
        Lines = lines;
    }

    /// <summary>Live figures for the period: bound criteria still unscored take their points, bound deductions are counted.</summary>
    public void Prefill(IReadOnlyDictionary<string, decimal> figures)
    {
        var lines = Lines.Select(l => l.Clone()).ToList();
        foreach (var line in lines)
        {
            if (Sheet.CriterionOf(line.Code) is { Live: { } live, SelfScored: true } criterion && figures.TryGetValue(live.IndicatorCode, out var value))
            {
                line.LiveValue = value;
                line.SelfScore ??= ReviewScoring.LivePoints(criterion, value);
            }
            else if (Sheet.DeductionOf(line.Code) is { IndicatorCode: { } code } rule && figures.TryGetValue(code, out var count))
            {
                line.LiveValue = count;
                line.SelfScore = ReviewScoring.DeductionPoints(rule, count);
            }
        }
        Lines = lines;
    }

    /// <summary>Nộp: every self-scored criterion scored, each with evidence or a written explanation; bonuses claimed likewise.</summary>
    public void Submit(DateOnly today, DateTimeOffset now)
    {
        EnsureEditable(today, "nộp");
        if (State == SelfAssessmentState.Submitted) throw new DomainRuleException("state", "Bản tự đánh giá đã nộp.");
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var criterion = Sheet.CriterionOf(line.Code);
            var claimsBonus = Sheet.BonusOf(line.Code) is not null && line.SelfScore is > 0;
            if (criterion is { SelfScored: true } && line.SelfScore is null)
                throw new DomainRuleException($"lines[{i}].score", $"Tiêu chí {line.Code}: chưa tự chấm điểm.");
            if ((criterion is { SelfScored: true } && criterion.Live is null || claimsBonus) && line.Evidence.Count == 0 && string.IsNullOrWhiteSpace(line.Explanation))
                throw new DomainRuleException($"lines[{i}].explanation", $"{line.Code}: cần đính kèm minh chứng hoặc viết giải trình.");
        }
        State = SelfAssessmentState.Submitted;
        SubmittedAt = now;
    }

    public void Withdraw(DateOnly today)
    {
        EnsureEditable(today, "rút lại");
        if (State != SelfAssessmentState.Submitted) throw new DomainRuleException("state", "Bản tự đánh giá chưa nộp.");
        State = SelfAssessmentState.Draft;
    }

    /// <summary>The deadline job: past its deadline, a sheet locks whatever its state (submitted or not).</summary>
    public bool LockIfDue(DateOnly today)
    {
        if (State is SelfAssessmentState.Locked or SelfAssessmentState.Finalized || today <= Deadline) return false;
        State = SelfAssessmentState.Locked;
        return true;
    }

    /// <summary>An appraiser's adjustment, shown to the unit with its reason.</summary>
    public void ApplyAppraisal(ScoreLine appraised)
    {
        var lines = Lines.Select(l => l.Clone()).ToList();
        var line = lines.FirstOrDefault(l => l.Code == appraised.Code);
        if (line is null) lines.Add(line = new ScoreLine { Code = appraised.Code });
        if (line.AppraisedAt is { } at && appraised.AppraisedAt is { } incoming && incoming < at) return;
        line.AppraisedScore = appraised.AppraisedScore;
        line.AppraisalReason = appraised.AppraisalReason;
        line.AppraisedBy = appraised.AppraisedBy;
        line.AppraisedAt = appraised.AppraisedAt;
        Lines = lines;
    }

    public bool ApplyResult(ReviewResultIssued result)
    {
        if (ResultAt is { } at && result.At < at) return false;
        State = SelfAssessmentState.Finalized;
        Total = result.Total;
        Band = result.Band;
        NotEligibleReason = result.NotEligibleReason;
        Rank = null;
        RankedUnits = null;
        Publication = RankingPublication.NotPublished;
        PublishedRanking = [];
        ResultAt = result.At;
        return true;
    }

    public bool ApplyPublication(ReviewRankingPublished published)
    {
        if (ResultAt is { } at && published.At < at) return false;
        Publication = published.Publication;
        Rank = published.Rank;
        RankedUnits = published.RankedUnits;
        PublishedRanking = published.Publication == RankingPublication.FullTable ? [.. published.Ranking] : [];
        ResultAt = published.At;
        return true;
    }

    public bool ApplyReopening(ReviewReopened reopened)
    {
        if (ResultAt is { } at && reopened.At < at) return false;
        Deadline = reopened.Deadline;
        State = reopened.Submitted ? SelfAssessmentState.Submitted : SelfAssessmentState.Draft;
        Total = null;
        Band = null;
        NotEligibleReason = null;
        Rank = null;
        RankedUnits = null;
        Publication = RankingPublication.NotPublished;
        PublishedRanking = [];
        ResultAt = reopened.At;
        return true;
    }
}

/// <summary>The parent fixed the unit's result (routed to the unit's tenant).</summary>
public sealed record ReviewResultIssued(Guid TargetTenantId, Guid AssessmentId, Guid CycleId, string CycleTitle, string ParentName,
    decimal Total, string Band, string? NotEligibleReason, DateTimeOffset At) : IRoutedEvent;

/// <summary>The parent published the ranking: the unit's rank, and the whole table only when published in full.</summary>
public sealed record ReviewRankingPublished(Guid TargetTenantId, Guid AssessmentId, Guid CycleId, string CycleTitle, string ParentName,
    RankingPublication Publication, int? Rank, int RankedUnits, IReadOnlyList<RankingRow> Ranking, DateTimeOffset At) : IRoutedEvent;

/// <summary>The parent reopened a finalized cycle (with the secretary's reason).</summary>
public sealed record ReviewReopened(Guid TargetTenantId, Guid AssessmentId, Guid CycleId, string CycleTitle, string ParentName,
    DateOnly Deadline, bool Submitted, string Reason, DateTimeOffset At) : IRoutedEvent;
