using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Dialogues;

/// <summary>Loại đối thoại.</summary>
public enum DialogueKind
{
    /// <summary>Người đứng đầu đối thoại với cán bộ, công chức, viên chức (at least once a year, flagged otherwise).</summary>
    WithStaff,
    /// <summary>Người đứng đầu đối thoại với Nhân dân, doanh nghiệp.</summary>
    WithCitizens,
    /// <summary>Hội nghị cán bộ, công chức, viên chức (once a year per unit, with quorum, resolutions and an election).</summary>
    StaffConference,
}

public enum DialogueStatus
{
    /// <summary>Đã lên lịch: staff may send questions beforehand.</summary>
    Scheduled,
    /// <summary>Đã tổ chức: questions are still recorded and answered.</summary>
    Held,
    /// <summary>Đã ban hành biên bản: nothing more is edited.</summary>
    MinutesIssued,
    /// <summary>Hủy.</summary>
    Cancelled,
}

/// <summary>What an officer fills in when scheduling a dialogue or the conference.</summary>
public sealed record DialogueDetails(
    string Title, string? Topic, DateOnly Date, TimeOnly? Time, string Place, Guid? ChairMembershipId, string ChairName,
    string? Participants, int? ParticipantCount);

/// <summary>
/// Một cuộc đối thoại of the unit's head (with staff, or with citizens and businesses), or the annual staff conference
/// (hội nghị cán bộ, công chức, viên chức), which is recorded the same way — date, chair, questions raised and their
/// follow-ups, minutes (biên bản) — and adds its own parts: headcount and attendance (quorum), agenda, resolutions
/// with their votes and the People's Inspection Board election. Once the minutes are issued the record is closed.
/// </summary>
public sealed class Dialogue : Entity, ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 512;
    public const int TextMaxLength = 20_000;
    public const int NameMaxLength = 256;
    public const int MaxAgendaItems = 30;
    public const int MaxResolutions = 50;
    public const int MaxCandidates = 50;

    /// <summary>The agenda PRODUCT.md gives the conference (Nghị định 04/2015, Thông tư 01/2016).</summary>
    public static readonly IReadOnlyList<string> DefaultConferenceAgenda =
    [
        "Báo cáo kết quả thực hiện nghị quyết hội nghị năm trước",
        "Người đứng đầu báo cáo, giải trình việc thực hiện kế hoạch công tác",
        "Cán bộ, công chức, viên chức chất vấn, kiến nghị",
        "Thảo luận, sửa đổi quy chế chi tiêu nội bộ",
        "Phát động thi đua, ký giao ước thi đua",
        "Báo cáo của Ban Thanh tra nhân dân và bầu Ban Thanh tra nhân dân",
        "Khen thưởng",
    ];

    private Dialogue() { }

    public Dialogue(DialogueKind kind, DialogueDetails details, DateTimeOffset now)
    {
        Kind = kind;
        Status = DialogueStatus.Scheduled;
        CreatedAt = now;
        if (kind == DialogueKind.StaffConference) AgendaItems = [.. DefaultConferenceAgenda];
        Apply(details);
        Touch(now);
    }

    public Guid TenantId { get; private set; }
    public DialogueKind Kind { get; private set; }
    public DialogueStatus Status { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Chủ đề, nội dung trọng tâm.</summary>
    public string? Topic { get; private set; }
    public DateOnly Date { get; private set; }

    /// <summary>The calendar year it belongs to (one conference per unit and year).</summary>
    public int Year { get; private set; }
    public TimeOnly? Time { get; private set; }
    public string Place { get; private set; } = "";

    /// <summary>Người chủ trì: a member of the unit, or a name as written.</summary>
    public Guid? ChairMembershipId { get; private set; }
    public string ChairName { get; private set; } = "";

    /// <summary>Thành phần tham dự, as written ("Toàn thể cán bộ, công chức cơ quan").</summary>
    public string? Participants { get; private set; }
    public int? ParticipantCount { get; private set; }

    /// <summary>Kết luận của người chủ trì, written in the minutes.</summary>
    public string? Conclusion { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public DateTimeOffset? MinutesIssuedAt { get; private set; }

    /// <summary>Số CBCCVC of the unit (conference only).</summary>
    public int? Headcount { get; private set; }

    /// <summary>Số người dự (conference only).</summary>
    public int? Attendance { get; private set; }
    public List<string> AgendaItems { get; private set; } = [];
    public List<ConferenceResolution> Resolutions { get; private set; } = [];

    /// <summary>Ứng cử viên Ban Thanh tra nhân dân and their votes.</summary>
    public List<BoardCandidate> Candidates { get; private set; } = [];

    /// <summary>Tasks made from this meeting (from a question, or from its conclusions).</summary>
    public List<Guid> FollowUpTaskIds { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsConference => Kind == DialogueKind.StaffConference;

    /// <summary>Questions, answers and follow-ups may still change.</summary>
    public bool IsOpen => Status is DialogueStatus.Scheduled or DialogueStatus.Held;

    /// <summary>Whether it counts as held (for flags and figures).</summary>
    public bool WasHeld => Status is DialogueStatus.Held or DialogueStatus.MinutesIssued;

    public bool HasQuorum => Headcount is { } h && Attendance is { } a && ConferenceRules.HasQuorum(h, a);

    public void Edit(DialogueDetails details, DateTimeOffset now)
    {
        EnsureOpen("title");
        Apply(details);
        Touch(now);
    }

    /// <summary>Refuses any change once the minutes are issued or the meeting was cancelled.</summary>
    public void EnsureOpen(string field)
    {
        if (Status == DialogueStatus.MinutesIssued)
            throw new DomainRuleException(field, "Biên bản đã ban hành: không sửa được nội dung đối thoại.");
        if (Status == DialogueStatus.Cancelled)
            throw new DomainRuleException(field, "Cuộc đối thoại đã hủy.");
    }

    /// <summary>Staff send questions beforehand only while it is still to come.</summary>
    public void EnsureAcceptsSubmissions()
    {
        if (Status != DialogueStatus.Scheduled)
            throw new DomainRuleException("dialogueId", "Chỉ gửi câu hỏi trước cho cuộc đối thoại đã lên lịch, chưa tổ chức.");
    }

    /// <summary>Đã tổ chức: not before its day; a conference only with its quorum.</summary>
    public void MarkHeld(string? conclusion, DateOnly today, DateTimeOffset now)
    {
        if (Status != DialogueStatus.Scheduled)
            throw new DomainRuleException("status", "Chỉ ghi nhận đã tổ chức cho cuộc đối thoại đang lên lịch.");
        if (Date > today) throw new DomainRuleException("date", $"Cuộc đối thoại dự kiến ngày {Date:dd/MM/yyyy}, chưa đến ngày tổ chức.");
        if (IsConference) EnsureQuorum();
        if (conclusion is not null) Conclusion = Clean(conclusion);
        Status = DialogueStatus.Held;
        HeldAt = now;
        Touch(now);
        Raise(new DialogueStatusChanged(Id, Kind, Status));
    }

    public void SetConclusion(string? conclusion, DateTimeOffset now)
    {
        EnsureOpen("conclusion");
        Conclusion = Clean(conclusion);
        Touch(now);
    }

    /// <summary>Ban hành biên bản: closes the record.</summary>
    public void IssueMinutes(DateTimeOffset now)
    {
        if (Status != DialogueStatus.Held)
            throw new DomainRuleException("status", Status == DialogueStatus.MinutesIssued
                ? "Biên bản đã được ban hành." : "Chỉ ban hành biên bản sau khi đã tổ chức đối thoại.");
        Status = DialogueStatus.MinutesIssued;
        MinutesIssuedAt = now;
        Touch(now);
        Raise(new DialogueStatusChanged(Id, Kind, Status));
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status != DialogueStatus.Scheduled) throw new DomainRuleException("status", "Chỉ hủy được cuộc đối thoại chưa tổ chức.");
        Status = DialogueStatus.Cancelled;
        Touch(now);
        Raise(new DialogueStatusChanged(Id, Kind, Status));
    }

    public void AddFollowUp(Guid taskId, DateTimeOffset now)
    {
        EnsureOpen("followUp");
        FollowUpTaskIds.Add(taskId);
        Touch(now);
    }

    /// <summary>
    /// Records the conference's figures in one go (all or nothing): headcount and attendance, the agenda, the
    /// resolutions with their votes and the election. Votes never exceed attendance.
    /// </summary>
    public void RecordConference(int headcount, int attendance, IReadOnlyList<string> agenda,
        IReadOnlyList<ConferenceResolution> resolutions, IReadOnlyList<BoardCandidate> candidates, DateTimeOffset now)
    {
        if (!IsConference) throw new DomainRuleException("kind", "Chỉ hội nghị cán bộ, công chức mới có phần này.");
        EnsureOpen("attendance");
        ConferenceRules.CheckAttendance(headcount, attendance);
        if (Status == DialogueStatus.Held && !ConferenceRules.HasQuorum(headcount, attendance))
            throw new DomainRuleException("attendance", QuorumMessage(headcount, attendance));
        for (var i = 0; i < resolutions.Count; i++)
        {
            var r = resolutions[i];
            if (string.IsNullOrWhiteSpace(r.Title)) throw new DomainRuleException($"resolutions[{i}].title", "Hãy nhập nội dung nghị quyết.");
            ConferenceRules.CheckVotes(r.For, r.Against, r.Abstain, attendance, $"resolutions[{i}].for");
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (string.IsNullOrWhiteSpace(c.Name)) throw new DomainRuleException($"candidates[{i}].name", "Hãy nhập họ tên người ứng cử.");
            ConferenceRules.CheckVotes(c.Votes, 0, 0, attendance, $"candidates[{i}].votes");
        }
        Headcount = headcount;
        Attendance = attendance;
        AgendaItems = [.. agenda.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())];
        Resolutions = [.. resolutions.Select(r => new ConferenceResolution(r.Title.Trim(), r.For, r.Against, r.Abstain))];
        Candidates = [.. candidates.Select(c => new BoardCandidate(c.Name.Trim(), c.Votes))];
        Touch(now);
    }

    private void EnsureQuorum()
    {
        if (Headcount is not { } headcount || Attendance is not { } attendance)
            throw new DomainRuleException("attendance", "Hãy nhập số cán bộ, công chức, viên chức và số người dự trước khi ghi nhận hội nghị.");
        if (!ConferenceRules.HasQuorum(headcount, attendance))
            throw new DomainRuleException("attendance", QuorumMessage(headcount, attendance));
    }

    public static string QuorumMessage(int headcount, int attendance) =>
        $"Hội nghị chỉ hợp lệ khi có ít nhất 2/3 số cán bộ, công chức, viên chức dự ({ConferenceRules.QuorumOf(headcount)}/{headcount} người); mới có {attendance} người.";

    private void Apply(DialogueDetails d)
    {
        if (d.ParticipantCount is < 0) throw new DomainRuleException("participantCount", "Số người tham dự không được âm.");
        if (string.IsNullOrWhiteSpace(d.ChairName)) throw new DomainRuleException("chairName", "Hãy nhập người chủ trì.");
        Title = d.Title.Trim();
        Topic = Clean(d.Topic);
        Date = d.Date;
        Year = d.Date.Year;
        Time = d.Time;
        Place = d.Place.Trim();
        ChairMembershipId = d.ChairMembershipId;
        ChairName = d.ChairName.Trim();
        Participants = Clean(d.Participants);
        ParticipantCount = d.ParticipantCount;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        if (!DomainEvents.OfType<DialogueChanged>().Any()) Raise(new DialogueChanged(Id));
    }
}

/// <summary>Một nghị quyết (or a part of it) put to the vote at the conference.</summary>
public sealed class ConferenceResolution
{
    private ConferenceResolution() { }

    public ConferenceResolution(string title, int forVotes, int against, int abstain)
    {
        Title = title;
        For = forVotes;
        Against = against;
        Abstain = abstain;
    }

    public string Title { get; private set; } = "";
    public int For { get; private set; }
    public int Against { get; private set; }
    public int Abstain { get; private set; }

    public bool PassedWith(int attendance) => ConferenceRules.IsMajority(For, attendance);
}

/// <summary>Người ứng cử Ban Thanh tra nhân dân and the votes they received.</summary>
public sealed class BoardCandidate
{
    private BoardCandidate() { }

    public BoardCandidate(string name, int votes)
    {
        Name = name;
        Votes = votes;
    }

    public string Name { get; private set; } = "";
    public int Votes { get; private set; }

    public bool ElectedWith(int attendance) => ConferenceRules.IsMajority(Votes, attendance);
}

/// <summary>Something about a dialogue changed (its record, a question): live views reload.</summary>
public sealed record DialogueChanged(Guid DialogueId) : IDomainEvent;

/// <summary>A dialogue was held, its minutes issued, or it was cancelled: the unit's summary is recomputed.</summary>
public sealed record DialogueStatusChanged(Guid DialogueId, DialogueKind Kind, DialogueStatus Status) : IDomainEvent;
