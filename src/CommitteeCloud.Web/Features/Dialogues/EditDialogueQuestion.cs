using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>Trả lời, sửa một câu hỏi: its content, answer and responsible unit, until the minutes are issued.</summary>
[RequirePermission(Permissions.DialoguesManage)]
public sealed record EditDialogueQuestionCommand(
    Guid DialogueId, Guid QuestionId, string Content, string? Answer, bool AnsweredOnSpot, string? ResponsibleUnitName, Guid? ResponsibleTenantId,
    uint? Version) : ICommand<QuestionDto>;

public sealed class EditDialogueQuestionValidator : AbstractValidator<EditDialogueQuestionCommand>
{
    public EditDialogueQuestionValidator()
    {
        RuleFor(x => x.Content).NotEmpty().WithMessage("Hãy nhập nội dung câu hỏi.").MaximumLength(Dialogue.TextMaxLength);
        RuleFor(x => x.Answer).MaximumLength(Dialogue.TextMaxLength);
        RuleFor(x => x.ResponsibleUnitName).MaximumLength(Dialogue.NameMaxLength);
    }
}

public sealed class EditDialogueQuestionHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : ICommandHandler<EditDialogueQuestionCommand, QuestionDto>
{
    public async ValueTask<QuestionDto> Handle(EditDialogueQuestionCommand command, CancellationToken ct)
    {
        var dialogue = await db.FindDialogueAsync(command.DialogueId, ct);
        var question = await db.FindQuestionAsync(dialogue.Id, command.QuestionId, ct);
        db.ExpectVersion(question, command.Version);
        var (unitName, unitId) = await ResponsibleUnit.ResolveAsync(db, context, command.ResponsibleUnitName, command.ResponsibleTenantId, ct);
        question.Edit(dialogue, command.Content, command.Answer, command.AnsweredOnSpot, unitName, unitId);
        await db.SaveChangesAsync(ct);
        var followUp = question.FollowUpTaskId is { } t ? (await GetDialogueHandler.FollowUpsAsync(db, [t], clock.Today(), ct)).GetValueOrDefault(t) : null;
        return GetDialogueHandler.ToDto(question, followUp);
    }
}

public sealed class EditDialogueQuestionEndpoint : IEndpoint
{
    public sealed record Body(string Content, string? Answer = null, bool AnsweredOnSpot = false, string? ResponsibleUnitName = null,
        Guid? ResponsibleTenantId = null, uint? Version = null);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/dialogues/{id:guid}/questions/{questionId:guid}", (Guid id, Guid questionId, Body b, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new EditDialogueQuestionCommand(id, questionId, b.Content, b.Answer, b.AnsweredOnSpot, b.ResponsibleUnitName,
                b.ResponsibleTenantId, b.Version), ct))
        .WithTags("Dialogues").WithSummary("Answer or correct a question (refused once the minutes are issued)")
        .Produces<QuestionDto>().WithCommandProblems();
}
