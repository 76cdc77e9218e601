using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Commitments;

/// <summary>Where a unit's registration stands with its parent.</summary>
public enum CommitmentState
{
    /// <summary>Chưa đăng ký.</summary>
    NotRegistered,
    /// <summary>Đã đăng ký, chờ duyệt.</summary>
    Submitted,
    /// <summary>Đã phê duyệt.</summary>
    Approved,
    /// <summary>Trả lại, yêu cầu chỉnh sửa.</summary>
    Returned,
}

public enum CommitmentEntryKind { Opened, Submitted, Returned, Approved, Reopened, ResultsReported }

/// <summary>Chỉ tiêu đăng ký: a figure the unit commits to reach, and (at year end) what it reached.</summary>
public sealed class CommitmentTarget
{
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal Target { get; set; }

    /// <summary>What was reached, entered by the unit; when null and <see cref="IndicatorCode"/> is set, the live figure counts.</summary>
    public decimal? Actual { get; set; }

    /// <summary>A figure the system counts itself (e.g. "models.recognized"), used when no actual was entered.</summary>
    public string? IndicatorCode { get; set; }
}

/// <summary>A "Dân vận khéo" model the unit commits to build, linked to the unit's own model row.</summary>
public sealed class CommittedModel
{
    public Guid ModelId { get; set; }
    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
}

/// <summary>One step of a registration's history, kept on both sides.</summary>
public sealed class CommitmentEntry
{
    public CommitmentEntryKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorName { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string? Comment { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// Bản đăng ký thi đua: the unit's own registration for its parent's round, in the unit's tenant. The parent holds a
/// <see cref="CommitmentSlot"/> that mirrors it from <see cref="CommitmentReported"/> events, never by reading it.
/// </summary>
public sealed class Commitment : Entity, ITenantOwned, IVersioned
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 500;
    public const int MaxTargets = 50;
    public const int MaxModels = 10;

    private Commitment() { }

    public static Commitment Received(Guid id, Guid parentTenantId, string parentTenantName, CommitmentRound round, CommitmentSlot slot,
        string actorName, DateTimeOffset now)
    {
        var c = new Commitment
        {
            Id = id, ParentTenantId = parentTenantId, ParentTenantName = parentTenantName, RoundId = round.Id, SlotId = slot.Id,
            Year = round.Year, RoundTitle = round.Title, Guidance = round.Guidance, Deadline = slot.Deadline, OriginalDeadline = slot.Deadline, State = CommitmentState.NotRegistered,
            CreatedAt = now, UpdatedAt = now,
        };
        c.History.Add(new CommitmentEntry { Kind = CommitmentEntryKind.Opened, At = now, ActorName = actorName, UnitName = parentTenantName });
        return c;
    }

    public Guid TenantId { get; private set; }
    public Guid ParentTenantId { get; private set; }
    public string ParentTenantName { get; private set; } = "";
    public Guid RoundId { get; private set; }
    public Guid SlotId { get; private set; }
    public int Year { get; private set; }
    public string RoundTitle { get; private set; } = "";
    public string? Guidance { get; private set; }
    public DateOnly Deadline { get; private set; }
    public CommitmentState State { get; private set; }

    /// <summary>Danh hiệu thi đua đăng ký.</summary>
    public string? TitleSought { get; private set; }
    public List<CommitmentTarget> Targets { get; private set; } = [];
    public List<CommittedModel> Models { get; private set; } = [];
    public int Revision { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public bool SubmittedLate { get; private set; }
    public string? LastComment { get; private set; }
    public List<CommitmentEntry> History { get; private set; } = [];

    /// <summary>Counts every change sent up, so the parent ignores a report older than what it holds.</summary>
    public int Sequence { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool CanRegister(DateOnly today) => State is CommitmentState.NotRegistered or CommitmentState.Returned or CommitmentState.Submitted
        && today <= Deadline;

    /// <summary>Đăng ký / đăng ký lại: refused once approved or after the deadline (unless the parent reopened it).</summary>
    public void Register(string titleSought, IReadOnlyList<CommitmentTarget> targets, IReadOnlyList<CommittedModel> models,
        DateOnly today, DateTimeOffset now, string actorName, string unitName)
    {
        if (State == CommitmentState.Approved)
            throw new DomainRuleException("state", "Bản đăng ký đã được phê duyệt, không sửa được.");
        if (today > Deadline)
            throw new DomainRuleException("deadline", $"Đã quá hạn đăng ký ({Deadline:dd/MM/yyyy}). Đề nghị cấp trên mở lại đăng ký.");
        CommitmentRules.Check(titleSought, targets, models);
        TitleSought = titleSought.Trim();
        Targets = [.. targets.Select(t => new CommitmentTarget { Name = t.Name.Trim(), Unit = t.Unit.Trim(), Target = t.Target, IndicatorCode = t.IndicatorCode })];
        Models = [.. models];
        Revision++;
        State = CommitmentState.Submitted;
        SubmittedAt = now;
        // Only a reopened registration can be submitted after the round's own deadline: it still counts as late.
        SubmittedLate = SubmittedLate || today > OriginalDeadline;
        Report(CommitmentEntryKind.Submitted, now, actorName, unitName, null);
    }

    /// <summary>The round's deadline before any reopening (a registration on a reopened round is late).</summary>
    public DateOnly OriginalDeadline { get; private set; }

    /// <summary>The parent's decision, applied here in the parent's transaction.</summary>
    public void Decide(CommitmentEntryKind decision, string? comment, DateOnly? newDeadline, DateTimeOffset now, string actorName, string unitName)
    {
        switch (decision)
        {
            case CommitmentEntryKind.Approved:
                State = CommitmentState.Approved;
                break;
            case CommitmentEntryKind.Returned:
                State = CommitmentState.Returned;
                if (newDeadline is { } returnedUntil && returnedUntil > Deadline) Deadline = returnedUntil;
                break;
            case CommitmentEntryKind.Reopened:
                Deadline = newDeadline ?? throw new DomainRuleException("deadline", "Hãy chọn hạn đăng ký mới.");
                if (State == CommitmentState.Approved) State = CommitmentState.Returned;
                break;
            default:
                throw new DomainRuleException("decision", "Quyết định không hợp lệ.");
        }
        LastComment = comment;
        Sequence++;
        UpdatedAt = now;
        History.Add(new CommitmentEntry { Kind = decision, At = now, ActorName = actorName, UnitName = unitName, Comment = comment, Revision = Revision });
    }

    /// <summary>Kết quả thực hiện at year end: the actual of each target (by position), once the registration is approved.</summary>
    public void RecordResults(IReadOnlyList<decimal?> actuals, DateTimeOffset now, string actorName, string unitName)
    {
        if (State != CommitmentState.Approved)
            throw new DomainRuleException("state", "Chỉ nhập kết quả cho bản đăng ký đã được phê duyệt.");
        if (actuals.Count != Targets.Count)
            throw new DomainRuleException("actuals", "Số kết quả phải bằng số chỉ tiêu.");
        if (actuals.Any(a => a < 0)) throw new DomainRuleException("actuals", "Kết quả không được âm.");
        for (var i = 0; i < Targets.Count; i++) Targets[i].Actual = actuals[i];
        // Reassigning makes EF see the JSON column changed.
        Targets = [.. Targets];
        Report(CommitmentEntryKind.ResultsReported, now, actorName, unitName, null);
    }

    private void Report(CommitmentEntryKind kind, DateTimeOffset now, string actorName, string unitName, string? comment)
    {
        Sequence++;
        UpdatedAt = now;
        var entry = new CommitmentEntry { Kind = kind, At = now, ActorName = actorName, UnitName = unitName, Comment = comment, Revision = Revision };
        History.Add(entry);
        Raise(new CommitmentReported(ParentTenantId, RoundId, SlotId, TenantId, Id, Sequence, State, Revision, TitleSought,
            [.. Targets], [.. Models], SubmittedAt, SubmittedLate, entry));
    }
}

/// <summary>Đợt đăng ký thi đua: a parent's call to some of its direct children to register for a year.</summary>
public sealed class CommitmentRound : Entity, ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 500;

    private CommitmentRound() { }

    public CommitmentRound(int year, string title, string? guidance, DateOnly deadline, string openedBy, DateTimeOffset now)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("year", "Năm không hợp lệ.");
        Year = year;
        Title = title.Trim();
        Guidance = string.IsNullOrWhiteSpace(guidance) ? null : guidance.Trim();
        Deadline = deadline;
        OpenedBy = openedBy;
        OpenedAt = now;
    }

    public Guid TenantId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string? Guidance { get; private set; }

    /// <summary>Hạn đăng ký chung; a child may have a later one once reopened (see <see cref="CommitmentSlot.Deadline"/>).</summary>
    public DateOnly Deadline { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }
    public uint Version { get; private set; }
}

/// <summary>
/// The parent's record of one child in a round (in the parent's tenant): where the child's registration stands and a
/// copy of what it registered, from the child's events.
/// </summary>
public sealed class CommitmentSlot : Entity, ITenantOwned, IVersioned
{
    private CommitmentSlot() { }

    public CommitmentSlot(CommitmentRound round, Guid childTenantId, string childCode, string childName)
    {
        RoundId = round.Id;
        ChildTenantId = childTenantId;
        ChildCode = childCode;
        ChildName = childName;
        ChildCommitmentId = Guid.CreateVersion7();
        Deadline = round.Deadline;
        State = CommitmentState.NotRegistered;
        UpdatedAt = round.OpenedAt;
    }

    public Guid TenantId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid ChildTenantId { get; private set; }
    public string ChildCode { get; private set; } = "";
    public string ChildName { get; private set; } = "";
    public Guid ChildCommitmentId { get; private set; }
    public DateOnly Deadline { get; private set; }
    public CommitmentState State { get; private set; }
    public string? TitleSought { get; private set; }
    public List<CommitmentTarget> Targets { get; private set; } = [];
    public List<CommittedModel> Models { get; private set; } = [];
    public int Revision { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public bool SubmittedLate { get; private set; }
    public string? LastComment { get; private set; }
    public List<CommitmentEntry> History { get; private set; } = [];
    public int Sequence { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Takes the child's report unless an equal or newer one (or a decision after it) is already known. Returns whether it applied.</summary>
    public bool Apply(CommitmentReported r)
    {
        if (r.Sequence <= Sequence) return false;
        Sequence = r.Sequence;
        State = r.State;
        TitleSought = r.TitleSought;
        Targets = [.. r.Targets];
        Models = [.. r.Models];
        Revision = r.Revision;
        SubmittedAt = r.SubmittedAt;
        SubmittedLate = r.SubmittedLate;
        UpdatedAt = r.Entry.At;
        History = [.. History, r.Entry];
        return true;
    }

    /// <summary>The parent's own decision: checked here, applied here and (by the caller) to the child's row.</summary>
    public void Decide(CommitmentEntryKind decision, string? comment, DateOnly? newDeadline, DateOnly today, DateTimeOffset now,
        string actorName, string unitName, int childSequence)
    {
        CheckDecision(decision, comment, newDeadline, today);
        State = decision switch
        {
            CommitmentEntryKind.Approved => CommitmentState.Approved,
            CommitmentEntryKind.Returned => CommitmentState.Returned,
            _ => State == CommitmentState.Approved ? CommitmentState.Returned : State,
        };
        if (decision == CommitmentEntryKind.Reopened) Deadline = newDeadline!.Value;
        LastComment = comment;
        Sequence = Math.Max(Sequence, childSequence);
        UpdatedAt = now;
        History = [.. History, new CommitmentEntry { Kind = decision, At = now, ActorName = actorName, UnitName = unitName, Comment = comment, Revision = Revision }];
    }

    /// <summary>Refuses a decision the registration's state does not allow (before anything is written anywhere).</summary>
    public void CheckDecision(CommitmentEntryKind decision, string? comment, DateOnly? newDeadline, DateOnly today)
    {
        switch (decision)
        {
            case CommitmentEntryKind.Approved or CommitmentEntryKind.Returned when State != CommitmentState.Submitted:
                throw new DomainRuleException("decision", "Chỉ phê duyệt hoặc trả lại bản đăng ký đang chờ duyệt.");
            case CommitmentEntryKind.Returned when string.IsNullOrWhiteSpace(comment):
                throw new DomainRuleException("comment", "Hãy nêu nội dung yêu cầu chỉnh sửa.");
            case CommitmentEntryKind.Reopened when newDeadline is null || newDeadline < today:
                throw new DomainRuleException("deadline", "Hạn đăng ký mới phải từ hôm nay trở đi.");
            case CommitmentEntryKind.Approved or CommitmentEntryKind.Returned or CommitmentEntryKind.Reopened:
                break;
            default:
                throw new DomainRuleException("decision", "Quyết định không hợp lệ.");
        }
    }

    /// <summary>How the board shows the child today.</summary>
    public BoardStatus StatusOn(DateOnly today) => CommitmentRules.BoardStatusOf(State, Deadline, today);
}

/// <summary>Trạng thái trên bảng theo dõi: registered / not yet / late / approved / returned.</summary>
public enum BoardStatus { NotYet, Late, Registered, Approved, Returned }

/// <summary>Báo cáo đăng ký lên cấp trên: the unit's registration as it now stands, handled in the parent's tenant.</summary>
public sealed record CommitmentReported(
    Guid TargetTenantId, Guid RoundId, Guid SlotId, Guid ChildTenantId, Guid CommitmentId, int Sequence, CommitmentState State, int Revision,
    string? TitleSought, IReadOnlyList<CommitmentTarget> Targets, IReadOnlyList<CommittedModel> Models, DateTimeOffset? SubmittedAt,
    bool SubmittedLate, CommitmentEntry Entry) : IRoutedEvent;

/// <summary>The rules a registration's content must satisfy, and how it is judged at year end.</summary>
public static class CommitmentRules
{
    public static void Check(string titleSought, IReadOnlyList<CommitmentTarget> targets, IReadOnlyList<CommittedModel> models)
    {
        if (string.IsNullOrWhiteSpace(titleSought)) throw new DomainRuleException("titleSought", "Hãy chọn danh hiệu thi đua đăng ký.");
        if (titleSought.Length > Commitment.NameMaxLength) throw new DomainRuleException("titleSought", "Danh hiệu quá dài.");
        if (targets.Count > Commitment.MaxTargets) throw new DomainRuleException("targets", $"Tối đa {Commitment.MaxTargets} chỉ tiêu.");
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            if (string.IsNullOrWhiteSpace(t.Name)) throw new DomainRuleException($"targets[{i}].name", "Hãy nhập tên chỉ tiêu.");
            if (string.IsNullOrWhiteSpace(t.Unit)) throw new DomainRuleException($"targets[{i}].unit", "Hãy nhập đơn vị tính.");
            if (t.Target < 0) throw new DomainRuleException($"targets[{i}].target", "Chỉ tiêu không được âm.");
        }
        if (models.Count == 0) throw new DomainRuleException("models", "Hãy đăng ký ít nhất một mô hình \"Dân vận khéo\".");
        if (models.Count > Commitment.MaxModels) throw new DomainRuleException("models", $"Tối đa {Commitment.MaxModels} mô hình.");
    }

    public static BoardStatus BoardStatusOf(CommitmentState state, DateOnly deadline, DateOnly today) => state switch
    {
        CommitmentState.Approved => BoardStatus.Approved,
        CommitmentState.Returned => BoardStatus.Returned,
        CommitmentState.Submitted => BoardStatus.Registered,
        _ => today > deadline ? BoardStatus.Late : BoardStatus.NotYet,
    };

    /// <summary>A target is met when what was reached (entered, else counted live) is at least what was committed.</summary>
    public static bool? TargetMet(CommitmentTarget target, decimal? live)
    {
        var actual = target.Actual ?? live;
        return actual is null ? null : actual >= target.Target;
    }

    /// <summary>The whole commitment is met when every target is met and every committed model was recognized.</summary>
    public static bool? Met(IReadOnlyList<bool?> targets, IReadOnlyList<bool> modelsRecognized)
    {
        if (targets.Any(t => t is null)) return targets.Any(t => t == false) || modelsRecognized.Any(m => !m) ? false : null;
        return targets.All(t => t == true) && modelsRecognized.All(m => m);
    }
}
