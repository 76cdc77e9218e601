using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>Chuyển xử lý: the officer hands the suggestion to a member who answers suggestions; that person is told.</summary>
[RequirePermission(Permissions.SuggestionsAnswer)]
public sealed record RouteSuggestionCommand(Guid Id, Guid ResponsibleUserId, int? Version) : ICommand<SuggestionDto>;

public sealed class RouteSuggestionValidator : AbstractValidator<RouteSuggestionCommand>
{
    public RouteSuggestionValidator() =>
        RuleFor(x => x.ResponsibleUserId).NotEmpty().WithMessage("Hãy chọn người xử lý.");
}

public sealed class RouteSuggestionHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : ICommandHandler<RouteSuggestionCommand, SuggestionDto>
{
    public async ValueTask<SuggestionDto> Handle(RouteSuggestionCommand command, CancellationToken ct)
    {
        var suggestion = await db.FindSuggestionAsync(command.Id, command.Version, ct);
        var responsible = (await db.AnswerersAsync(ct)).FirstOrDefault(a => a.UserId == command.ResponsibleUserId)
            ?? throw new DomainRuleException("responsibleUserId", "Người xử lý phải là thành viên của đơn vị có quyền trả lời góp ý.");
        suggestion.Route(responsible.UserId, responsible.FullName, clock.Today());
        afterCommit.PushBoardChanged(push, context.Tenant!.Id);
        return SuggestionDto.Full(suggestion);
    }
}

public sealed class RouteSuggestionEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/suggestions/{id:guid}/route", (Guid id, RouteBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RouteSuggestionCommand(id, body.ResponsibleUserId ?? Guid.Empty, body.Version), ct))
        .WithTags("Suggestions").WithSummary("Route a suggestion to the member who will answer it")
        .Produces<SuggestionDto>().WithCommandProblems();

    public sealed record RouteBody(Guid? ResponsibleUserId, int? Version);
}
