using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// One suggestion: in full for those who answer; for any other member only their own named one or a published one
/// (as published). Anything else is a 404, so a member learns nothing of suggestions not meant for them.
/// </summary>
[RequirePermission(Permissions.TenantView)]
public sealed record GetSuggestionQuery(Guid Id) : IQuery<SuggestionDto>;

public sealed class GetSuggestionHandler(AppDbContext db, ITenantContext context, PermissionService permissions)
    : IQueryHandler<GetSuggestionQuery, SuggestionDto>
{
    public async ValueTask<SuggestionDto> Handle(GetSuggestionQuery query, CancellationToken ct)
    {
        var userId = context.UserId!.Value;
        var suggestion = await db.Suggestions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.Id, ct)
            ?? throw new NotFoundException("Không tìm thấy góp ý.");
        var granted = await permissions.GetAsync(context.Tenant!.Id, userId, ct);
        if (granted?.Contains(Permissions.SuggestionsAnswer) == true) return SuggestionDto.Full(suggestion);
        if (!suggestion.IsVisibleTo(userId)) throw new NotFoundException("Không tìm thấy góp ý.");
        return suggestion.AuthorUserId == userId ? SuggestionDto.Full(suggestion) : SuggestionDto.Public(suggestion);
    }
}

public sealed class GetSuggestionEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/suggestions/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSuggestionQuery(id), ct))
        .WithTags("Suggestions").WithSummary("One suggestion (in full for those who answer; otherwise the caller's own or a published one)")
        .Produces<SuggestionDto>().WithTenantProblems();
}
