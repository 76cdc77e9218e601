using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Dialogues;

public sealed record ResolutionInput(string Title, int For, int Against, int Abstain);

public sealed record CandidateInput(string Name, int Votes);

/// <summary>
/// Hội nghị cán bộ, công chức, viên chức: headcount and attendance (two thirds make the quorum), the agenda, the
/// resolutions with their votes (passed with more than half of those present) and the People's Inspection Board
/// election (elected with more than half of those present). Saved whole or not at all: a count of votes above the
/// attendance refuses everything.
/// </summary>
[RequirePermission(Permissions.DialoguesManage)]
public sealed record RecordConferenceCommand(
    Guid Id, int Headcount, int Attendance, string[]? AgendaItems, ResolutionInput[]? Resolutions, CandidateInput[]? Candidates, uint? Version)
    : ICommand<DialogueDetail>;

public sealed class RecordConferenceValidator : AbstractValidator<RecordConferenceCommand>
{
    public RecordConferenceValidator()
    {
        RuleFor(x => x.Headcount).GreaterThan(0).WithMessage("Số cán bộ, công chức, viên chức phải lớn hơn 0.").LessThanOrEqualTo(100_000);
        RuleFor(x => x.Attendance).GreaterThanOrEqualTo(0)
            .LessThanOrEqualTo(x => x.Headcount).WithMessage("Số người dự không được vượt số cán bộ, công chức, viên chức.");
        RuleFor(x => x.AgendaItems).Must(a => a is null || a.Length <= Dialogue.MaxAgendaItems);
        RuleForEach(x => x.AgendaItems).MaximumLength(Dialogue.TitleMaxLength);
        RuleFor(x => x.Resolutions).Must(a => a is null || a.Length <= Dialogue.MaxResolutions);
        RuleForEach(x => x.Resolutions).ChildRules(r =>
        {
            r.RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập nội dung nghị quyết.").MaximumLength(Dialogue.TitleMaxLength);
            r.RuleFor(x => x.For).GreaterThanOrEqualTo(0);
            r.RuleFor(x => x.Against).GreaterThanOrEqualTo(0);
            r.RuleFor(x => x.Abstain).GreaterThanOrEqualTo(0);
        });
        RuleFor(x => x.Candidates).Must(a => a is null || a.Length <= Dialogue.MaxCandidates);
        RuleForEach(x => x.Candidates).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập họ tên người ứng cử.").MaximumLength(Dialogue.NameMaxLength);
            c.RuleFor(x => x.Votes).GreaterThanOrEqualTo(0);
        });
    }
}

public sealed class RecordConferenceHandler(AppDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<RecordConferenceCommand, DialogueDetail>
{
    public async ValueTask<DialogueDetail> Handle(RecordConferenceCommand command, CancellationToken ct)
    {
        var dialogue = await db.FindDialogueAsync(command.Id, ct);
        db.ExpectVersion(dialogue, command.Version);
        dialogue.RecordConference(command.Headcount, command.Attendance, command.AgendaItems ?? [.. dialogue.AgendaItems],
            [.. (command.Resolutions ?? []).Select(r => new ConferenceResolution(r.Title ?? "", r.For, r.Against, r.Abstain))],
            [.. (command.Candidates ?? []).Select(c => new BoardCandidate(c.Name ?? "", c.Votes))], clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDialogueQuery(dialogue.Id), ct);
    }
}

public sealed class RecordConferenceEndpoint : IEndpoint
{
    public sealed record Body(int Headcount, int Attendance, string[]? AgendaItems = null, ResolutionInput[]? Resolutions = null,
        CandidateInput[]? Candidates = null, uint? Version = null);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/dialogues/{id:guid}/conference", (Guid id, Body b, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RecordConferenceCommand(id, b.Headcount, b.Attendance, b.AgendaItems, b.Resolutions, b.Candidates, b.Version), ct))
        .WithTags("Dialogues").WithSummary("Record the staff conference's attendance, agenda, resolutions with votes and the Inspection Board election")
        .Produces<DialogueDetail>().WithCommandProblems();
}
