using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// Ghi nhận đã tổ chức (a conference only with its two-thirds quorum), ban hành biên bản (the record closes: no
/// question changes after it), or hủy a dialogue not yet held.
/// </summary>
[RequirePermission(Permissions.DialoguesManage)]
public sealed record MoveDialogueCommand(Guid Id, DialogueMove Move, string? Conclusion = null, uint? Version = null) : ICommand<DialogueDetail>;

public enum DialogueMove
{
    Hold,
    IssueMinutes,
    Cancel,
}

public sealed class MoveDialogueValidator : AbstractValidator<MoveDialogueCommand>
{
    public MoveDialogueValidator()
    {
        RuleFor(x => x.Move).IsInEnum();
        RuleFor(x => x.Conclusion).MaximumLength(Dialogue.TextMaxLength);
    }
}

public sealed class MoveDialogueHandler(AppDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<MoveDialogueCommand, DialogueDetail>
{
    public async ValueTask<DialogueDetail> Handle(MoveDialogueCommand command, CancellationToken ct)
    {
        var dialogue = await db.FindDialogueAsync(command.Id, ct);
        db.ExpectVersion(dialogue, command.Version);
        var now = clock.GetUtcNow();
        switch (command.Move)
        {
            case DialogueMove.Hold: dialogue.MarkHeld(command.Conclusion, clock.Today(), now); break;
            case DialogueMove.IssueMinutes:
                if (command.Conclusion is not null) dialogue.SetConclusion(command.Conclusion, now);
                dialogue.IssueMinutes(now);
                break;
            default: dialogue.Cancel(now); break;
        }
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDialogueQuery(dialogue.Id), ct);
    }
}

public sealed class MoveDialogueEndpoint : IEndpoint
{
    public sealed record MoveBody(string? Conclusion = null, uint? Version = null);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/dialogues/{id:guid}/hold", (Guid id, MoveBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new MoveDialogueCommand(id, DialogueMove.Hold, body?.Conclusion, body?.Version), ct))
            .WithTags("Dialogues").WithSummary("Record that the dialogue took place (a conference needs two thirds of its staff present)")
            .Produces<DialogueDetail>().WithCommandProblems();
        api.MapPost("/dialogues/{id:guid}/minutes", (Guid id, MoveBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new MoveDialogueCommand(id, DialogueMove.IssueMinutes, body?.Conclusion, body?.Version), ct))
            .WithTags("Dialogues").WithSummary("Issue the minutes: the record closes, questions can no longer change")
            .Produces<DialogueDetail>().WithCommandProblems();
        api.MapPost("/dialogues/{id:guid}/cancel", (Guid id, MoveBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new MoveDialogueCommand(id, DialogueMove.Cancel, null, body?.Version), ct))
            .WithTags("Dialogues").WithSummary("Cancel a dialogue not yet held")
            .Produces<DialogueDetail>().WithCommandProblems();
    }
}
