using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Auditing;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// Gửi câu hỏi trước buổi đối thoại: any member of the unit, to a dialogue still to come. Anonymous means anonymous:
/// the question, its audit entry and its events keep no account id, no name and no trace id of the sender.
/// </summary>
[RequirePermission(Permissions.TenantView)]
public sealed record SubmitDialogueQuestionCommand(Guid DialogueId, string Content, bool Anonymous) : ICommand<SubmittedQuestion>;

/// <summary>Only what the sender needs to know it arrived.</summary>
public sealed record SubmittedQuestion(Guid Id, int Number, bool Anonymous);

public sealed class SubmitDialogueQuestionValidator : AbstractValidator<SubmitDialogueQuestionCommand>
{
    public SubmitDialogueQuestionValidator() =>
        RuleFor(x => x.Content).NotEmpty().WithMessage("Hãy nhập nội dung câu hỏi.").MaximumLength(Dialogue.TextMaxLength);
}

public sealed class SubmitDialogueQuestionHandler(AppDbContext db, ITenantContext context, AuditScope audit)
    : ICommandHandler<SubmitDialogueQuestionCommand, SubmittedQuestion>
{
    public async ValueTask<SubmittedQuestion> Handle(SubmitDialogueQuestionCommand command, CancellationToken ct)
    {
        var dialogue = await db.FindDialogueAsync(command.DialogueId, ct);
        if (dialogue.Status == DialogueStatus.Cancelled) throw new NotFoundException("dialogue");
        var number = await db.NextQuestionNumberAsync(dialogue.Id, ct);
        var name = command.Anonymous ? "" : await Tasks.TaskQueries.ActorNameAsync(db, context, ct);
        audit.WithoutActor = command.Anonymous;
        var question = DialogueQuestion.Submitted(dialogue, number, context.UserId!.Value, name, command.Content, command.Anonymous);
        db.DialogueQuestions.Add(question);
        return new SubmittedQuestion(question.Id, number, command.Anonymous);
    }
}

public sealed class SubmitDialogueQuestionEndpoint : IEndpoint
{
    public sealed record Body(string Content, bool Anonymous = false);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/dialogues/{id:guid}/questions/submit", async (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new SubmitDialogueQuestionCommand(id, body.Content, body.Anonymous), ct)))
        .WithTags("Dialogues").WithSummary("A member sends a question before a scheduled dialogue, optionally anonymously (nothing identifies them then)")
        .Produces<SubmittedQuestion>().WithCommandProblems();
}

/// <summary>The dialogues still to come that a member may send a question to (any member of the unit sees them).</summary>
[RequirePermission(Permissions.TenantView)]
public sealed record OpenDialoguesQuery : IQuery<IReadOnlyList<OpenDialogueDto>>;

public sealed record OpenDialogueDto(Guid Id, DialogueKind Kind, string KindName, string Title, string? Topic, DateOnly Date, TimeOnly? Time, string Place, string ChairName);

public sealed class OpenDialoguesHandler(AppDbContext db) : IQueryHandler<OpenDialoguesQuery, IReadOnlyList<OpenDialogueDto>>
{
    public async ValueTask<IReadOnlyList<OpenDialogueDto>> Handle(OpenDialoguesQuery query, CancellationToken ct)
    {
        var rows = await db.Dialogues.AsNoTracking().Where(d => d.Status == DialogueStatus.Scheduled)
            .OrderBy(d => d.Date).ThenBy(d => d.Time).Take(50).ToListAsync(ct);
        return [.. rows.Select(d => new OpenDialogueDto(d.Id, d.Kind, DialogueNames.Of(d.Kind), d.Title, d.Topic, d.Date, d.Time, d.Place, d.ChairName))];
    }
}

public sealed class OpenDialoguesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/dialogues/open", (IMediator mediator, CancellationToken ct) => mediator.Send(new OpenDialoguesQuery(), ct))
        .WithTags("Dialogues").WithSummary("Scheduled dialogues a member may send a question to")
        .Produces<IReadOnlyList<OpenDialogueDto>>().WithTenantProblems();
}
