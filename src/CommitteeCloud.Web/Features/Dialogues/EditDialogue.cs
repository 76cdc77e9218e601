using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>Sửa thông tin cuộc đối thoại, until its minutes are issued.</summary>
[RequirePermission(Permissions.DialoguesManage)]
public sealed record EditDialogueCommand(Guid Id, DialogueInput Dialogue, string? Conclusion, uint? Version) : ICommand<DialogueDetail>;

public sealed class EditDialogueValidator : AbstractValidator<EditDialogueCommand>
{
    public EditDialogueValidator()
    {
        RuleFor(x => x.Dialogue).NotNull().SetValidator(new DialogueInputValidator());
        RuleFor(x => x.Conclusion).MaximumLength(Dialogue.TextMaxLength);
    }
}

public sealed class EditDialogueHandler(AppDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<EditDialogueCommand, DialogueDetail>
{
    public async ValueTask<DialogueDetail> Handle(EditDialogueCommand command, CancellationToken ct)
    {
        var dialogue = await db.FindDialogueAsync(command.Id, ct);
        db.ExpectVersion(dialogue, command.Version);
        var details = await command.Dialogue.ToDetailsAsync(db, ct);
        if (dialogue.IsConference && details.Date.Year != dialogue.Year
            && await db.Dialogues.AnyAsync(d => d.Id != dialogue.Id && d.Kind == DialogueKind.StaffConference && d.Year == details.Date.Year && d.Status != DialogueStatus.Cancelled, ct))
            throw new ConflictException($"Đơn vị đã có hội nghị cán bộ, công chức, viên chức năm {details.Date.Year}.");
        var now = clock.GetUtcNow();
        dialogue.Edit(details, now);
        dialogue.SetConclusion(command.Conclusion, now);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDialogueQuery(dialogue.Id), ct);
    }
}

public sealed class EditDialogueEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/dialogues/{id:guid}", (Guid id, EditDialogueBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new EditDialogueCommand(id, body.Dialogue, body.Conclusion, body.Version), ct))
        .WithTags("Dialogues").WithSummary("Edit a dialogue's record and conclusion (send the version read; 409 if it changed)")
        .Produces<DialogueDetail>().WithCommandProblems();
}

public sealed record EditDialogueBody(DialogueInput Dialogue, string? Conclusion, uint? Version);
