using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>
/// Sổ văn bản: the unit's directives, its own and those received, newest first; searched without diacritics over
/// number and subject ("ket luan 114" finds "Kết luận số 114-KL/TW"), filtered by kind, year and status.
/// </summary>
[RequirePermission(Permissions.TasksView)]
public sealed record ListDirectivesQuery(string? Search = null, DirectiveKind? Kind = null, int? Year = null, DirectiveStatus? Status = null)
    : IQuery<IReadOnlyList<DirectiveListItem>>;

public sealed class ListDirectivesValidator : AbstractValidator<ListDirectivesQuery>
{
    public ListDirectivesValidator()
    {
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.Year).InclusiveBetween(1930, 2200);
    }
}

public sealed class ListDirectivesHandler(AppDbContext db) : IQueryHandler<ListDirectivesQuery, IReadOnlyList<DirectiveListItem>>
{
    public async ValueTask<IReadOnlyList<DirectiveListItem>> Handle(ListDirectivesQuery query, CancellationToken ct)
    {
        var rows = db.Directives.AsNoTracking();
        if (query.Kind is { } kind) rows = rows.Where(d => d.Kind == kind);
        if (query.Status is { } status) rows = rows.Where(d => d.Status == status);
        if (query.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            rows = rows.Where(d => d.IssueDate >= from && d.IssueDate <= to);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Queries.ContainsPattern(query.Search);
            rows = rows.Where(d => EF.Functions.ILike(EF.Functions.Unaccent(d.Number + " " + d.Subject + " " + (d.ImplementsReference ?? "")),
                EF.Functions.Unaccent(pattern)));
        }
        return await rows.OrderByDescending(d => d.IssueDate ?? DateOnly.MaxValue).ThenByDescending(d => d.CreatedAt)
            .Take(500)
            .Select(d => new DirectiveListItem(d.Id, d.Kind, d.Number, d.IssueDate, d.IssuingBody, d.Subject, d.Status, d.SourceTenantName,
                db.Tasks.Count(t => t.DirectiveId == d.Id), d.RecipientTenantIds.Count))
            .ToListAsync(ct);
    }
}

public sealed class ListDirectivesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/directives", (IMediator mediator, CancellationToken ct, string? search, DirectiveKind? kind, int? year, DirectiveStatus? status) =>
            mediator.Send(new ListDirectivesQuery(search, kind, year, status), ct))
        .WithTags("Directives").WithSummary("The directive register: search without diacritics, filter by kind, year, status")
        .Produces<IReadOnlyList<DirectiveListItem>>().WithTenantProblems();
}
