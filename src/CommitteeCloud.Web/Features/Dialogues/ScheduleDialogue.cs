using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>What the scheduling and editing forms send.</summary>
public sealed record DialogueInput(
    string Title, DateOnly Date, string Place, string? Topic = null, TimeOnly? Time = null, Guid? ChairMembershipId = null,
    string? ChairName = null, string? Participants = null, int? ParticipantCount = null);

public sealed class DialogueInputValidator : AbstractValidator<DialogueInput>
{
    public DialogueInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên, chủ đề cuộc đối thoại.").MaximumLength(Dialogue.TitleMaxLength);
        RuleFor(x => x.Topic).MaximumLength(Dialogue.TextMaxLength);
        RuleFor(x => x.Date).NotEmpty().WithMessage("Hãy nhập ngày tổ chức.")
            .Must(d => d.Year is >= 2000 and <= 2100).WithMessage("Ngày tổ chức không hợp lệ.");
        RuleFor(x => x.Place).NotEmpty().WithMessage("Hãy nhập địa điểm.").MaximumLength(Dialogue.NameMaxLength);
        RuleFor(x => x.ChairName).NotEmpty().When(x => x.ChairMembershipId is null).WithMessage("Hãy chọn hoặc nhập người chủ trì.")
            .MaximumLength(Dialogue.NameMaxLength);
        RuleFor(x => x.Participants).MaximumLength(Dialogue.TextMaxLength);
        RuleFor(x => x.ParticipantCount).InclusiveBetween(0, 1_000_000);
    }
}

public static class DialogueInputs
{
    /// <summary>The chair's name from the unit's members when one is chosen; the name as typed otherwise.</summary>
    public static async Task<DialogueDetails> ToDetailsAsync(this DialogueInput input, AppDbContext db, CancellationToken ct)
    {
        var chair = input.ChairName;
        if (input.ChairMembershipId is { } id)
            chair = await db.Memberships.Where(m => m.Id == id).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.FullName).FirstOrDefaultAsync(ct)
                ?? throw new DomainRuleException("chairMembershipId", "Người chủ trì phải là thành viên của đơn vị.");
        return new DialogueDetails(input.Title, input.Topic, input.Date, input.Time, input.Place, input.ChairMembershipId, chair ?? "",
            input.Participants, input.ParticipantCount);
    }
}

/// <summary>
/// Lên lịch đối thoại (or the year's staff conference, which starts with the default agenda). One conference per unit
/// and year: a second one is refused (409) unless the first was cancelled.
/// </summary>
[RequirePermission(Permissions.DialoguesManage)]
public sealed record ScheduleDialogueCommand(DialogueKind Kind, DialogueInput Dialogue) : ICommand<DialogueDetail>;

public sealed class ScheduleDialogueValidator : AbstractValidator<ScheduleDialogueCommand>
{
    public ScheduleDialogueValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Dialogue).NotNull().SetValidator(new DialogueInputValidator());
    }
}

public sealed class ScheduleDialogueHandler(AppDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<ScheduleDialogueCommand, DialogueDetail>
{
    public async ValueTask<DialogueDetail> Handle(ScheduleDialogueCommand command, CancellationToken ct)
    {
        var details = await command.Dialogue.ToDetailsAsync(db, ct);
        if (command.Kind == DialogueKind.StaffConference
            && await db.Dialogues.AnyAsync(d => d.Kind == DialogueKind.StaffConference && d.Year == details.Date.Year && d.Status != DialogueStatus.Cancelled, ct))
            throw new ConflictException($"Đơn vị đã có hội nghị cán bộ, công chức, viên chức năm {details.Date.Year}.");
        var dialogue = new Dialogue(command.Kind, details, clock.GetUtcNow());
        db.Dialogues.Add(dialogue);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDialogueQuery(dialogue.Id), ct);
    }
}

public sealed class ScheduleDialogueEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/dialogues", async (ScheduleDialogueCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var dialogue = await mediator.Send(command, ct);
            return Results.Created($"/api/dialogues/{dialogue.Id}", dialogue);
        })
        .WithTags("Dialogues").WithSummary("Schedule a dialogue (with staff, with citizens and businesses) or the year's staff conference")
        .Produces<DialogueDetail>(StatusCodes.Status201Created).WithCommandProblems();
}
