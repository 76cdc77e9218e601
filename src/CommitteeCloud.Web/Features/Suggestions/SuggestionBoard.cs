using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Suggestions;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Bảng xử lý góp ý: everything the unit received, for those who answer (suggestions.answer), optionally one status,
/// with the count per status. Ordered by date received only: within a day the order says nothing (random ids).
/// </summary>
[RequirePermission(Permissions.SuggestionsAnswer)]
public sealed record SuggestionBoardQuery(SuggestionStatus? Status = null) : IQuery<SuggestionBoard>;

public sealed record SuggestionBoard(IReadOnlyDictionary<SuggestionStatus, int> Counts, IReadOnlyList<SuggestionDto> Items);

public sealed class SuggestionBoardHandler(AppDbContext db) : IQueryHandler<SuggestionBoardQuery, SuggestionBoard>
{
    public async ValueTask<SuggestionBoard> Handle(SuggestionBoardQuery query, CancellationToken ct)
    {
        var counts = await db.Suggestions.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var items = db.Suggestions.AsNoTracking();
        if (query.Status is { } status) items = items.Where(s => s.Status == status);
        var list = await items.OrderByDescending(s => s.ReceivedOn).ThenBy(s => s.Id).Take(500).ToListAsync(ct);
        return new SuggestionBoard(
            Enum.GetValues<SuggestionStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0),
            [.. list.Select(SuggestionDto.Full)]);
    }
}

/// <summary>Who a suggestion may be routed to: the members holding suggestions.answer.</summary>
[RequirePermission(Permissions.SuggestionsAnswer)]
public sealed record SuggestionResponsiblesQuery : IQuery<IReadOnlyList<SuggestionResponsible>>;

public sealed record SuggestionResponsible(Guid UserId, string FullName, string? Position);

public sealed class SuggestionResponsiblesHandler(AppDbContext db) : IQueryHandler<SuggestionResponsiblesQuery, IReadOnlyList<SuggestionResponsible>>
{
    public async ValueTask<IReadOnlyList<SuggestionResponsible>> Handle(SuggestionResponsiblesQuery query, CancellationToken ct) =>
        await db.AnswerersAsync(ct);
}

public static class SuggestionAnswerers
{
    public static async Task<List<SuggestionResponsible>> AnswerersAsync(this AppDbContext db, CancellationToken ct)
    {
        var roles = await db.TenantRoles.Where(r => r.Permissions.Contains(Permissions.SuggestionsAnswer)).Select(r => r.Id).ToListAsync(ct);
        return await db.Memberships.Where(m => m.RoleIds.Any(id => roles.Contains(id)))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FullName, m.Position })
            .OrderBy(r => r.FullName)
            .Select(r => new SuggestionResponsible(r.Id, r.FullName, r.Position)).ToListAsync(ct);
    }
}

public sealed class SuggestionBoardEndpoints : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/suggestions/board", (SuggestionStatus? status, IMediator mediator, CancellationToken ct) => mediator.Send(new SuggestionBoardQuery(status), ct))
            .WithTags("Suggestions").WithSummary("Every suggestion of the unit, for those who answer them")
            .Produces<SuggestionBoard>().WithTenantProblems();
        api.MapGet("/suggestions/responsibles", (IMediator mediator, CancellationToken ct) => mediator.Send(new SuggestionResponsiblesQuery(), ct))
            .WithTags("Suggestions").WithSummary("Members a suggestion may be routed to")
            .Produces<IReadOnlyList<SuggestionResponsible>>().WithTenantProblems();
    }
}
