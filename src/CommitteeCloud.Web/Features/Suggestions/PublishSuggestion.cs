using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>Công khai: an answered suggestion and its answer become visible to every member, who are told.</summary>
[RequirePermission(Permissions.SuggestionsAnswer)]
public sealed record PublishSuggestionCommand(Guid Id, int? Version) : ICommand<SuggestionDto>;

public sealed class PublishSuggestionHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : ICommandHandler<PublishSuggestionCommand, SuggestionDto>
{
    public async ValueTask<SuggestionDto> Handle(PublishSuggestionCommand command, CancellationToken ct)
    {
        var suggestion = await db.FindSuggestionAsync(command.Id, command.Version, ct);
        suggestion.Publish(clock.Today());
        afterCommit.PushBoardChanged(push, context.Tenant!.Id);
        return SuggestionDto.Full(suggestion);
    }
}

public sealed class PublishSuggestionEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/suggestions/{id:guid}/publish", (Guid id, SuggestionVersionBody? body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new PublishSuggestionCommand(id, body?.Version), ct))
        .WithTags("Suggestions").WithSummary("Publish an answered suggestion to the unit")
        .Produces<SuggestionDto>().WithCommandProblems();
}
