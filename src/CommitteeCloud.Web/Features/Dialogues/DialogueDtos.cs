using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Dialogues;

public sealed record DialogueSummaryDto(
    Guid Id, DialogueKind Kind, string KindName, DialogueStatus Status, string StatusName, string Title, DateOnly Date, TimeOnly? Time,
    string Place, string ChairName, int QuestionCount, int AnsweredCount);

public sealed record DialogueList(int Year, bool StaffDialogueHeldThisYear, DateOnly? LastStaffDialogueOn, bool ConferenceThisYear,
    IReadOnlyList<DialogueSummaryDto> Items);

/// <summary>A question as the officer sees it; an anonymous one shows "Ẩn danh" and nothing else of its asker.</summary>
public sealed record QuestionDto(
    Guid Id, int Number, AskerKind AskerKind, string Asker, bool AskedBeforehand, string Content, string? Answer, bool AnsweredOnSpot,
    string? ResponsibleUnitName, Guid? ResponsibleTenantId, FollowUpDto? FollowUp, uint Version);

/// <summary>A follow-up task and where it stands today.</summary>
public sealed record FollowUpDto(Guid TaskId, string Title, TaskState State, string StateName, DateOnly? Deadline, Timeliness Timeliness,
    IReadOnlyList<string> HandedTo);

public sealed record ResolutionDto(string Title, int For, int Against, int Abstain, bool Passed);

public sealed record CandidateDto(string Name, int Votes, bool Elected);

public sealed record ConferenceDto(int? Headcount, int? Attendance, int? QuorumNeeded, bool HasQuorum, IReadOnlyList<string> AgendaItems,
    IReadOnlyList<ResolutionDto> Resolutions, IReadOnlyList<CandidateDto> Candidates);

public sealed record ChildUnitDto(Guid Id, string Code, string Name);

public sealed record DialogueDetail(
    Guid Id, DialogueKind Kind, string KindName, DialogueStatus Status, string StatusName, string Title, string? Topic, DateOnly Date,
    TimeOnly? Time, string Place, Guid? ChairMembershipId, string ChairName, string? Participants, int? ParticipantCount, string? Conclusion,
    DateTimeOffset? MinutesIssuedAt, IReadOnlyList<QuestionDto> Questions, IReadOnlyList<FollowUpDto> FollowUps, ConferenceDto? Conference,
    IReadOnlyList<ChildUnitDto> ChildUnits, bool CanManage, uint Version);

/// <summary>Vietnamese names the UI, the API and the minutes show.</summary>
public static class DialogueNames
{
    public static string Of(DialogueKind kind) => kind switch
    {
        DialogueKind.WithStaff => "Đối thoại với cán bộ, công chức, viên chức",
        DialogueKind.WithCitizens => "Đối thoại với Nhân dân, doanh nghiệp",
        _ => "Hội nghị cán bộ, công chức, viên chức",
    };

    public static string Of(DialogueStatus status) => status switch
    {
        DialogueStatus.Scheduled => "Đã lên lịch",
        DialogueStatus.Held => "Đã tổ chức",
        DialogueStatus.MinutesIssued => "Đã ban hành biên bản",
        _ => "Đã hủy",
    };
}

public static class DialogueQueries
{
    /// <summary>This unit's dialogue, tracked for a change; another tenant's id is the same 404 as an unknown one.</summary>
    public static async Task<Dialogue> FindDialogueAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Dialogues.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("dialogue");

    public static async Task<DialogueQuestion> FindQuestionAsync(this AppDbContext db, Guid dialogueId, Guid id, CancellationToken ct) =>
        await db.DialogueQuestions.FirstOrDefaultAsync(q => q.DialogueId == dialogueId && q.Id == id, ct) ?? throw new NotFoundException("question");

    public static async Task<int> NextQuestionNumberAsync(this AppDbContext db, Guid dialogueId, CancellationToken ct)
    {
        // Two members sending at once would pick the same number: the dialogue row is the lock that orders them.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM dialogues WHERE tenant_id = {db.TenantContext.Tenant!.Id} AND id = {dialogueId} FOR UPDATE", ct);
        return (await db.DialogueQuestions.Where(q => q.DialogueId == dialogueId).MaxAsync(q => (int?)q.Number, ct) ?? 0) + 1;
    }
}
