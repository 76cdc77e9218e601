using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>Đóng không trả lời (trùng lặp, không thuộc thẩm quyền ...), with the reason; a named sender is told.</summary>
[RequirePermission(Permissions.SuggestionsAnswer)]
public sealed record CloseSuggestionCommand(Guid Id, string Reason, int? Version) : ICommand<SuggestionDto>;

public sealed class CloseSuggestionValidator : AbstractValidator<CloseSuggestionCommand>
{
    public CloseSuggestionValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Hãy nêu lý do đóng góp ý.").MaximumLength(Suggestion.ReasonMaxLength);
}

public sealed class CloseSuggestionHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : ICommandHandler<CloseSuggestionCommand, SuggestionDto>
{
    public async ValueTask<SuggestionDto> Handle(CloseSuggestionCommand command, CancellationToken ct)
    {
        var suggestion = await db.FindSuggestionAsync(command.Id, command.Version, ct);
        suggestion.Close(command.Reason, clock.Today());
        afterCommit.PushBoardChanged(push, context.Tenant!.Id);
        return SuggestionDto.Full(suggestion);
    }
}

public sealed class CloseSuggestionEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/suggestions/{id:guid}/close", (Guid id, SuggestionTextBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new CloseSuggestionCommand(id, body.Text ?? "", body.Version), ct))
        .WithTags("Suggestions").WithSummary("Close a suggestion without an answer, with the reason")
        .Produces<SuggestionDto>().WithCommandProblems();
}
