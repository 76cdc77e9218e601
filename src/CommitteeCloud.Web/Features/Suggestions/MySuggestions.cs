using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Góp ý của tôi: the caller's named suggestions, newest first. Anonymous ones cannot be listed here, by design:
/// nothing links them to anyone; their sender follows them with the receipt code.
/// </summary>
[RequirePermission(Permissions.TenantView)]
public sealed record MySuggestionsQuery : IQuery<IReadOnlyList<SuggestionDto>>;

public sealed class MySuggestionsHandler(AppDbContext db, ITenantContext context) : IQueryHandler<MySuggestionsQuery, IReadOnlyList<SuggestionDto>>
{
    public async ValueTask<IReadOnlyList<SuggestionDto>> Handle(MySuggestionsQuery query, CancellationToken ct)
    {
        var userId = context.UserId;
        var mine = await db.Suggestions.AsNoTracking().Where(s => s.AuthorUserId == userId && !s.IsAnonymous)
            .OrderByDescending(s => s.ReceivedOn).ThenBy(s => s.Subject).ToListAsync(ct);
        return [.. mine.Select(SuggestionDto.Full)];
    }
}

public sealed class MySuggestionsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/suggestions/mine", (IMediator mediator, CancellationToken ct) => mediator.Send(new MySuggestionsQuery(), ct))
        .WithTags("Suggestions").WithSummary("The caller's named suggestions")
        .Produces<IReadOnlyList<SuggestionDto>>().WithTenantProblems();
}
