using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Trả lời góp ý: the answer, its date and who gave it (the answerer is never anonymous). A named sender is told;
/// an anonymous one reads it with the receipt code. It may be corrected until published.
/// </summary>
[RequirePermission(Permissions.SuggestionsAnswer)]
public sealed record AnswerSuggestionCommand(Guid Id, string Answer, int? Version) : ICommand<SuggestionDto>;

public sealed class AnswerSuggestionValidator : AbstractValidator<AnswerSuggestionCommand>
{
    public AnswerSuggestionValidator() =>
        RuleFor(x => x.Answer).NotEmpty().WithMessage("Hãy nhập nội dung trả lời.").MaximumLength(Suggestion.AnswerMaxLength);
}

public sealed class AnswerSuggestionHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : ICommandHandler<AnswerSuggestionCommand, SuggestionDto>
{
    public async ValueTask<SuggestionDto> Handle(AnswerSuggestionCommand command, CancellationToken ct)
    {
        var suggestion = await db.FindSuggestionAsync(command.Id, command.Version, ct);
        var userId = context.UserId!.Value;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstAsync(ct);
        suggestion.AnswerWith(command.Answer, userId, name, clock.Today());
        afterCommit.PushBoardChanged(push, context.Tenant!.Id);
        return SuggestionDto.Full(suggestion);
    }
}

public sealed class AnswerSuggestionEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/suggestions/{id:guid}/answer", (Guid id, SuggestionTextBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new AnswerSuggestionCommand(id, body.Text ?? "", body.Version), ct))
        .WithTags("Suggestions").WithSummary("Answer a suggestion (or correct the answer until it is published)")
        .Produces<SuggestionDto>().WithCommandProblems();
}
