using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Plans;

public enum PlanStatus
{
    /// <summary>Dự thảo: editable, nothing handed down.</summary>
    Draft,
    /// <summary>Đã ban hành: its activities are tasks, handed to the units they name.</summary>
    Issued,
    /// <summary>Đã sơ kết 6 tháng.</summary>
    Reviewed,
    /// <summary>Đã tổng kết năm: closed, nothing changes any more.</summary>
    Closed,
}

/// <summary>
/// What an annual plan is: Kế hoạch công tác dân vận năm. One per unit and year, drafted at the start of the year,
/// issued as a directive of kind Kế hoạch whose activities become tasks (own, or handed to child units), followed all
/// year target by target, and reviewed at mid-year (sơ kết) and year-end (tổng kết).
/// </summary>
public sealed class AnnualPlan : Entity, ITenantOwned, IVersioned
{
    public const int NumberMaxLength = 64;
    public const int TitleMaxLength = 512;
    public const int TextMaxLength = 20_000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private AnnualPlan() { }

    public AnnualPlan(PlanFields fields, DateTimeOffset now, Guid? createdBy)
    {
        Status = PlanStatus.Draft;
        CreatedAt = now;
        CreatedByUserId = createdBy;
        Year = fields.Year;
        Apply(fields, now);
    }

    public Guid TenantId { get; private set; }
    public int Year { get; private set; }

    /// <summary>Số, ký hiệu of the plan as issued ("05-KH/TU"); one is made up from the year when left empty.</summary>
    public string? Number { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Mục đích.</summary>
    public string? Purpose { get; private set; }

    /// <summary>Yêu cầu.</summary>
    public string? Requirements { get; private set; }

    /// <summary>Mục tiêu, one per line as written.</summary>
    public List<string> Objectives { get; private set; } = [];

    /// <summary>Chỉ tiêu.</summary>
    public List<PlanTarget> Targets { get; private set; } = [];

    /// <summary>Nhiệm vụ, giải pháp: what becomes tasks when the plan is issued.</summary>
    public List<PlanActivity> Activities { get; private set; } = [];
    public PlanStatus Status { get; private set; }

    /// <summary>The received copy (in this tenant) of the parent's Kế hoạch this plan implements, if any.</summary>
    public Guid? ImplementsDirectiveId { get; private set; }

    /// <summary>"Kế hoạch số 05-KH/TU ngày 10/01/2026 của Ban Thường vụ Tỉnh ủy", as read from that copy.</summary>
    public string? ImplementsReference { get; private set; }
    public Guid? CopiedFromPlanId { get; private set; }

    /// <summary>The directive (kind Kế hoạch) the plan was issued as, when it went to child units.</summary>
    public Guid? DirectiveId { get; private set; }
    public List<Guid> RecipientTenantIds { get; private set; } = [];
    public string? IssueKey { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public Guid? IssuedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public DateOnly YearStart => new(Year, 1, 1);
    public DateOnly YearEnd => new(Year, 12, 31);

    public void Edit(PlanFields fields, DateTimeOffset now)
    {
        if (Status != PlanStatus.Draft) throw new DomainRuleException("status", "Chỉ sửa được kế hoạch đang dự thảo.");
        if (fields.Year != Year) throw new DomainRuleException("plan.year", "Không đổi được năm của kế hoạch; hãy tạo kế hoạch cho năm khác.");
        Apply(fields, now);
        Raise(new PlanChanged(Id));
    }

    /// <summary>
    /// Sao chép kế hoạch năm trước: the same purpose, objectives, targets and activities one year on, as a new draft.
    /// Hand-typed actuals and the link to last year's tasks stay behind.
    /// </summary>
    public AnnualPlan CopyForNextYear(DateTimeOffset now, Guid? createdBy)
    {
        var next = Year + 1;
        var fields = new PlanFields(next, null, ShiftYearInText(Title, Year),
            Purpose, Requirements, Objectives,
            [.. Targets.Select(t => t with { Id = Guid.CreateVersion7(), ManualActual = null })],
            [.. Activities.Select(a => a with { Id = Guid.CreateVersion7(), Title = ShiftYearInText(a.Title, Year), From = a.From.AddYears(1), To = a.To.AddYears(1), TaskId = null })],
            null, null);
        return new AnnualPlan(fields, now, createdBy) { CopiedFromPlanId = Id };
    }

    /// <summary>Ban hành: each activity now has its task in this unit (<paramref name="taskIds"/>, by activity id).</summary>
    public void MarkIssued(string? issueKey, Guid? userId, string number, Guid? directiveId, IReadOnlyCollection<Guid> recipients,
        IReadOnlyDictionary<Guid, Guid> taskIds, DateTimeOffset now)
    {
        if (Status != PlanStatus.Draft) throw new DomainRuleException("status", "Kế hoạch đã được ban hành.");
        if (Activities.Count == 0) throw new DomainRuleException("activities", "Kế hoạch chưa có nhiệm vụ nào để triển khai.");
        Status = PlanStatus.Issued;
        Number = number;
        IssueKey = issueKey;
        IssuedAt = now;
        IssuedByUserId = userId;
        DirectiveId = directiveId;
        RecipientTenantIds = [.. recipients];
        Activities = [.. Activities.Select(a => a with { TaskId = taskIds.GetValueOrDefault(a.Id) })];
        UpdatedAt = now;
        Raise(new PlanChanged(Id));
        foreach (var recipient in RecipientTenantIds) Raise(new PlanSentDown(recipient, Id));
    }

    /// <summary>Số liệu nhập tay: the actual of a target no indicator counts.</summary>
    public void RecordActual(Guid targetId, decimal? actual, DateTimeOffset now)
    {
        if (Status == PlanStatus.Closed) throw new DomainRuleException("status", "Kế hoạch đã tổng kết, không sửa số liệu được.");
        var index = Targets.FindIndex(t => t.Id == targetId);
        if (index < 0) throw new DomainRuleException("targetId", "Không có chỉ tiêu này trong kế hoạch.");
        if (Targets[index].IndicatorCode is not null)
            throw new DomainRuleException("actual", "Chỉ tiêu này lấy số liệu tự động, không nhập tay.");
        if (actual < 0) throw new DomainRuleException("actual", "Số liệu thực hiện không được âm.");
        Targets = [.. Targets.Select((t, i) => i == index ? t with { ManualActual = actual } : t)];
        UpdatedAt = now;
        Raise(new PlanChanged(Id));
    }

    /// <summary>A review of this plan was issued: mid-year marks it reviewed, year-end closes it.</summary>
    public void MarkReviewed(ReviewKind kind, DateTimeOffset now)
    {
        if (Status is PlanStatus.Draft or PlanStatus.Closed)
            throw new DomainRuleException("status", "Chỉ sơ kết, tổng kết được kế hoạch đang thực hiện.");
        Status = kind == ReviewKind.YearEnd ? PlanStatus.Closed : PlanStatus.Reviewed;
        UpdatedAt = now;
        Raise(new PlanChanged(Id));
        foreach (var recipient in RecipientTenantIds) Raise(new PlanSentDown(recipient, Id));
    }

    private void Apply(PlanFields f, DateTimeOffset now)
    {
        PlanRules.Check(f);
        Number = Clean(f.Number);
        Title = f.Title.Trim();
        Purpose = Clean(f.Purpose);
        Requirements = Clean(f.Requirements);
        Objectives = [.. f.Objectives.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim())];
        // A target edited keeps the actual typed for it; a new one starts with none.
        Targets = [.. f.Targets.Select(t => t with
        {
            Name = t.Name.Trim(), Unit = t.Unit.Trim(), IndicatorCode = Clean(t.IndicatorCode),
            ManualActual = Clean(t.IndicatorCode) is null ? Targets.FirstOrDefault(old => old.Id == t.Id)?.ManualActual ?? t.ManualActual : null,
        })];
        Activities = [.. f.Activities.Select(a => a with
        {
            Title = a.Title.Trim(), Content = Clean(a.Content), LeadTenantIds = [.. a.LeadTenantIds.Distinct()],
            CoordinatingTenantIds = [.. a.CoordinatingTenantIds.Distinct().Except(a.LeadTenantIds)], TaskId = null,
        })];
        ImplementsDirectiveId = f.ImplementsDirectiveId;
        ImplementsReference = f.ImplementsDirectiveId is null ? null : Clean(f.ImplementsReference);
        UpdatedAt = now;
    }

    /// <summary>"Kế hoạch công tác dân vận năm 2025" → "... năm 2026".</summary>
    private static string ShiftYearInText(string text, int year) =>
        text.Replace(year.ToString(System.Globalization.CultureInfo.InvariantCulture), (year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What an officer types into the plan editor.</summary>
public sealed record PlanFields(
    int Year, string? Number, string Title, string? Purpose, string? Requirements, IReadOnlyList<string> Objectives,
    IReadOnlyList<PlanTarget> Targets, IReadOnlyList<PlanActivity> Activities, Guid? ImplementsDirectiveId, string? ImplementsReference);

/// <summary>How a target is met.</summary>
public enum TargetKind
{
    /// <summary>Ít nhất: the actual must reach the target (dialogues held, models registered).</summary>
    AtLeast,
    /// <summary>Không quá: the actual must stay at or below it (overdue tasks, complaints).</summary>
    AtMost,
    /// <summary>Xếp hạng: a rank to reach (PAR INDEX, PAPI, SIPAS, PCI): lower is better.</summary>
    Rank,
}

/// <summary>Đánh giá chỉ tiêu.</summary>
public enum TargetStatus
{
    /// <summary>Chưa có số liệu.</summary>
    NoData,
    /// <summary>Chưa đạt.</summary>
    NotMet,
    /// <summary>Đạt.</summary>
    Met,
    /// <summary>Vượt.</summary>
    Exceeded,
}

/// <summary>
/// Một chỉ tiêu: its actual is counted by the system when it names an <see cref="IndicatorCode"/> (số liệu tự động),
/// typed by an officer otherwise.
/// </summary>
public sealed record PlanTarget(Guid Id, string Name, string Unit, TargetKind Kind, decimal TargetValue, string? IndicatorCode, decimal? ManualActual)
{
    public TargetStatus StatusOf(decimal? actual) => PlanRules.StatusOf(Kind, TargetValue, actual);
}

/// <summary>
/// Một nhiệm vụ of the plan: led by the unit itself when it names no lead unit, or by the child units it names, with
/// coordinating child units, in a time frame inside the plan's year. <see cref="TaskId"/> is its task once issued.
/// </summary>
public sealed record PlanActivity(
    Guid Id, string Title, string? Content, IReadOnlyList<Guid> LeadTenantIds, IReadOnlyList<Guid> CoordinatingTenantIds,
    DateOnly From, DateOnly To, Guid? LeaderMembershipId, string? LeaderName, Guid? TaskId)
{
    public bool LedByUnitItself => LeadTenantIds.Count == 0;
}

public static class PlanRules
{
    public static void Check(PlanFields f)
    {
        if (f.Year is < AnnualPlan.MinYear or > AnnualPlan.MaxYear) throw new DomainRuleException("plan.year", "Năm của kế hoạch không hợp lệ.");
        if (string.IsNullOrWhiteSpace(f.Title)) throw new DomainRuleException("plan.title", "Hãy nhập tên kế hoạch.");
        for (var i = 0; i < f.Targets.Count; i++)
        {
            var t = f.Targets[i];
            if (string.IsNullOrWhiteSpace(t.Name)) throw new DomainRuleException($"plan.targets[{i}].name", "Hãy nhập tên chỉ tiêu.");
            if (t.TargetValue < 0) throw new DomainRuleException($"plan.targets[{i}].targetValue", "Giá trị chỉ tiêu không được âm.");
            if (t.Kind == TargetKind.Rank && t.TargetValue < 1) throw new DomainRuleException($"plan.targets[{i}].targetValue", "Thứ hạng phải từ 1 trở lên.");
        }
        var start = new DateOnly(f.Year, 1, 1);
        var end = new DateOnly(f.Year, 12, 31);
        for (var i = 0; i < f.Activities.Count; i++)
        {
            var a = f.Activities[i];
            if (string.IsNullOrWhiteSpace(a.Title)) throw new DomainRuleException($"plan.activities[{i}].title", "Hãy nhập tên nhiệm vụ.");
            if (a.From < start || a.From > end) throw new DomainRuleException($"plan.activities[{i}].from", $"Thời gian thực hiện phải trong năm {f.Year}.");
            if (a.To < start || a.To > end) throw new DomainRuleException($"plan.activities[{i}].to", $"Thời gian thực hiện phải trong năm {f.Year}.");
            if (a.To < a.From) throw new DomainRuleException($"plan.activities[{i}].to", "Ngày kết thúc phải sau ngày bắt đầu.");
        }
    }

    /// <summary>
    /// Đạt / chưa đạt / vượt. For "at least" more than the target exceeds it; for "at most" and a rank (lower is
    /// better) less than the target does.
    /// </summary>
    public static TargetStatus StatusOf(TargetKind kind, decimal target, decimal? actual)
    {
        if (actual is not { } a) return TargetStatus.NoData;
        var better = kind == TargetKind.AtLeast ? a.CompareTo(target) : target.CompareTo(a);
        return better switch { > 0 => TargetStatus.Exceeded, 0 => TargetStatus.Met, _ => TargetStatus.NotMet };
    }
}

/// <summary>The plan changed in its own unit: its pages and the pages above it reload.</summary>
public sealed record PlanChanged(Guid PlanId) : IDomainEvent;

/// <summary>The plan was issued to (or reviewed for) a child unit: that unit's pages reload. Handled in the child's tenant.</summary>
public sealed record PlanSentDown(Guid TargetTenantId, Guid PlanId) : IRoutedEvent;
