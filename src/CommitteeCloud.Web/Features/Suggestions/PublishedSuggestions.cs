using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Suggestions;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Góp ý đã công khai: every member reads the published suggestions with their answers. The sender's name appears
/// only for a named sender who allowed it; an anonymous one has no name to show.
/// </summary>
[RequirePermission(Permissions.TenantView)]
public sealed record PublishedSuggestionsQuery : IQuery<IReadOnlyList<SuggestionDto>>;

public sealed class PublishedSuggestionsHandler(AppDbContext db) : IQueryHandler<PublishedSuggestionsQuery, IReadOnlyList<SuggestionDto>>
{
    public async ValueTask<IReadOnlyList<SuggestionDto>> Handle(PublishedSuggestionsQuery query, CancellationToken ct)
    {
        var published = await db.Suggestions.AsNoTracking().Where(s => s.Status == SuggestionStatus.Published)
            .OrderByDescending(s => s.PublishedOn).ThenByDescending(s => s.ReceivedOn).ThenBy(s => s.Subject).ToListAsync(ct);
        return [.. published.Select(SuggestionDto.Public)];
    }
}

public sealed class PublishedSuggestionsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/suggestions/published", (IMediator mediator, CancellationToken ct) => mediator.Send(new PublishedSuggestionsQuery(), ct))
        .WithTags("Suggestions").WithSummary("Published suggestions with their answers")
        .Produces<IReadOnlyList<SuggestionDto>>().WithTenantProblems();
}
