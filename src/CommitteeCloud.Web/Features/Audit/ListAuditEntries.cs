using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Audit;

/// <summary>Nhật ký: who changed what in this tenant, newest first.</summary>
[RequirePermission(Permissions.AuditView)]
public sealed record ListAuditEntriesQuery(string? EntityType, string? EntityId, Guid? UserId, int Take = 100) : IQuery<IReadOnlyList<AuditEntryDto>>;

public sealed record AuditEntryDto(long Id, DateTimeOffset OccurredAt, Guid? UserId, string Operation, string EntityType, string EntityId, string Action, string Changes);

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(x => x.Take).InclusiveBetween(1, 1000);
        RuleFor(x => x.EntityType).MaximumLength(128);
        RuleFor(x => x.EntityId).MaximumLength(128);
    }
}

public sealed class ListAuditEntriesHandler(AppDbContext db) : IQueryHandler<ListAuditEntriesQuery, IReadOnlyList<AuditEntryDto>>
{
    public async ValueTask<IReadOnlyList<AuditEntryDto>> Handle(ListAuditEntriesQuery query, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.EntityType is { } type) entries = entries.Where(e => e.EntityType == type);
        if (query.EntityId is { } id) entries = entries.Where(e => e.EntityId == id);
        if (query.UserId is { } user) entries = entries.Where(e => e.UserId == user);
        return await entries.OrderByDescending(e => e.Id).Take(query.Take)
            .Select(e => new AuditEntryDto(e.Id, e.OccurredAt, e.UserId, e.Operation, e.EntityType, e.EntityId, e.Action, e.Changes))
            .ToListAsync(ct);
    }
}

public sealed class ListAuditEntriesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/audit", (IMediator mediator, CancellationToken ct, string? entityType, string? entityId, Guid? userId, int take = 100) =>
            mediator.Send(new ListAuditEntriesQuery(entityType, entityId, userId, take), ct))
        .WithTags("Audit").WithSummary("The tenant's audit trail")
        .Produces<IReadOnlyList<AuditEntryDto>>().WithTenantProblems();
}
