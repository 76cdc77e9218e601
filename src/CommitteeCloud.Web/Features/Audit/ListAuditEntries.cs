using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Audit;

/// <summary>
/// Nhật ký: who changed what, newest first, one page at a time (keyset on the entry id: pass the last page's
/// <c>NextBeforeId</c> as <c>BeforeId</c>). Filters by person, entity, action, request and period; a supervisor may
/// name a unit below (<c>Unit</c>) to read its trail.
/// </summary>
[RequirePermission(Permissions.AuditView)]
public sealed record ListAuditEntriesQuery(AuditFilter Filter, long? BeforeId = null, int Take = 50) : IQuery<AuditPage>;

/// <summary>A page of entries, how many match in all, and where the next page starts (none: this is the last).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, int Total, bool HasMore, long? NextBeforeId);

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(x => x.Take).InclusiveBetween(1, AuditTrailReader.MaxTake).WithMessage($"Số dòng mỗi trang phải từ 1 đến {AuditTrailReader.MaxTake}.");
        RuleFor(x => x.BeforeId).GreaterThan(0).WithMessage("Vị trí trang không hợp lệ.");
        RuleFor(x => x.Filter).NotNull().SetValidator(new AuditFilterValidator());
    }
}

public sealed class ListAuditEntriesHandler(AuditTrailReader reader) : IQueryHandler<ListAuditEntriesQuery, AuditPage>
{
    public async ValueTask<AuditPage> Handle(ListAuditEntriesQuery query, CancellationToken ct) =>
        await reader.ReadAsync(query.Filter, nameof(ListAuditEntriesQuery), async entries =>
        {
            var total = await entries.CountAsync(ct);
            var page = query.BeforeId is { } before ? entries.Where(e => e.Id < before) : entries;
            var rows = await page.OrderByDescending(e => e.Id).Take(query.Take + 1).ToListAsync(ct);
            var more = rows.Count > query.Take;
            if (more) rows.RemoveAt(rows.Count - 1);
            return new AuditPage(await reader.WithNamesAsync(rows, ct), total, more, more ? rows[^1].Id : null);
        }, ct);
}

public sealed class ListAuditEntriesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/audit", (IMediator mediator, CancellationToken ct, string? unit, Guid? userId, string? entityType, string? entityId, string? action,
                string? operation, DateOnly? from, DateOnly? to, long? beforeId, int take = 50) =>
            mediator.Send(new ListAuditEntriesQuery(new AuditFilter(unit, userId, entityType, entityId, action, operation, from, to), beforeId, take), ct))
        .WithTags("Audit").WithSummary("The audit trail, newest first, filtered and paged (keyset: beforeId); unit= a unit below, for a supervisor")
        .Produces<AuditPage>().WithTenantProblems();
}
