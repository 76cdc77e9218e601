using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// Giao nhiệm vụ sau đối thoại: a question (or a conclusion of the meeting) that needs more than an answer becomes a
/// task of the unit (origin: dialogue) with a deadline, through the task machinery itself; when the unit responsible
/// is a direct child, the task is handed down to it as lead in the same transaction. Recording the dialogue is the
/// officer's job, so this needs <c>dialogues.manage</c>, not <c>tasks.manage</c>.
/// </summary>
[RequirePermission(Permissions.DialoguesManage)]
public sealed record CreateDialogueFollowUpCommand(
    Guid DialogueId, Guid? QuestionId, string Title, DateOnly DueDate, string? Content = null, Guid? ResponsibleTenantId = null,
    Guid? LeaderMembershipId = null) : ICommand<FollowUpDto>;

public sealed class CreateDialogueFollowUpValidator : AbstractValidator<CreateDialogueFollowUpCommand>
{
    public CreateDialogueFollowUpValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên nhiệm vụ.").MaximumLength(WorkTask.TitleMaxLength);
        RuleFor(x => x.Content).MaximumLength(WorkTask.TextMaxLength);
        RuleFor(x => x.DueDate).NotEmpty().WithMessage("Hãy nhập hạn hoàn thành.")
            .Must(d => d.Year is >= 2000 and <= 2100).WithMessage("Hạn hoàn thành không hợp lệ.");
    }
}

public sealed class CreateDialogueFollowUpHandler(AppDbContext db, ITenantContext context, TaskHandOffs handOffs, TimeProvider clock)
    : ICommandHandler<CreateDialogueFollowUpCommand, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(CreateDialogueFollowUpCommand command, CancellationToken ct)
    {
        var dialogue = await db.FindDialogueAsync(command.DialogueId, ct);
        dialogue.EnsureOpen("questionId");
        if (dialogue.Status != DialogueStatus.Held)
            throw new DomainRuleException("dialogueId", "Chỉ giao nhiệm vụ sau khi đã tổ chức đối thoại.");
        var question = command.QuestionId is { } qid ? await db.FindQuestionAsync(dialogue.Id, qid, ct) : null;
        // A question names its responsible unit; an explicit one in the request wins.
        var responsible = command.ResponsibleTenantId ?? question?.ResponsibleTenantId;
        var recipient = responsible is { } r ? await handOffs.ChildAsync(r, "responsibleTenantId", ct) : null;

        var now = clock.GetUtcNow();
        var content = command.Content ?? (question is null ? null
            : $"Ý kiến số {question.Number} tại {DialogueNames.Of(dialogue.Kind).ToLowerInvariant()} ngày {dialogue.Date:dd/MM/yyyy}: {question.Content}");
        var input = new TaskInput(command.Title, content, LeadUnitName: recipient?.Name ?? question?.ResponsibleUnitName,
            LeaderMembershipId: command.LeaderMembershipId, DeadlineKind: DeadlineKind.OnDate, DueDate: command.DueDate);
        var task = new WorkTask(await input.ToDetailsAsync(db, ct), TaskOrigin.Dialogue, null, null, draft: false, now);
        db.Tasks.Add(task);
        var actor = await db.ActorNameAsync(context, ct);
        db.TaskUpdates.Add(new TaskUpdate(task.Id, null, TaskUpdateKind.Created, $"Tạo nhiệm vụ từ đối thoại \"{TaskHandOffs.Shorten(dialogue.Title)}\".",
            null, null, [], context.UserId, actor, context.Tenant!.Name, now));
        question?.LinkFollowUp(dialogue, task.Id);
        dialogue.AddFollowUp(task.Id, now);
        if (recipient is not null) await handOffs.HandOffAsync([(task, [new TaskRecipient(recipient, HandoffRole.Lead)])], null, actor, ct);
        await db.SaveChangesAsync(ct);
        return (await GetDialogueHandler.FollowUpsAsync(db, [task.Id], clock.Today(), ct))[task.Id];
    }
}

public sealed class CreateDialogueFollowUpEndpoint : IEndpoint
{
    public sealed record Body(Guid? QuestionId, string Title, DateOnly DueDate, string? Content = null, Guid? ResponsibleTenantId = null, Guid? LeaderMembershipId = null);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/dialogues/{id:guid}/follow-ups", async (Guid id, Body b, IMediator mediator, CancellationToken ct) =>
        {
            var followUp = await mediator.Send(new CreateDialogueFollowUpCommand(id, b.QuestionId, b.Title, b.DueDate, b.Content, b.ResponsibleTenantId,
                b.LeaderMembershipId), ct);
            return Results.Created($"/api/tasks/{followUp.TaskId}", followUp);
        })
        .WithTags("Dialogues").WithSummary("Turn a question (or a conclusion) into a task with a deadline, handed to the responsible child unit if any")
        .Produces<FollowUpDto>(StatusCodes.Status201Created).WithCommandProblems();
}
