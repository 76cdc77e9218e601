using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>Một văn bản with its points (tasks) and how they stand.</summary>
[RequirePermission(Permissions.TasksView)]
public sealed record GetDirectiveQuery(Guid Id) : IQuery<DirectiveDetail>;

public sealed class GetDirectiveHandler(AppDbContext db, TenantStore tenants, TimeProvider clock) : IQueryHandler<GetDirectiveQuery, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(GetDirectiveQuery query, CancellationToken ct)
    {
        var d = await db.Directives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException("directive");
        var today = clock.Today();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.DirectiveId == d.Id)
            .OrderBy(t => t.PointNumber ?? int.MaxValue).ThenBy(t => t.CreatedAt).ToListAsync(ct);
        var recipients = new List<RecipientDto>();
        foreach (var id in d.RecipientTenantIds)
            if (await tenants.FindByIdAsync(id, ct) is { } t) recipients.Add(new RecipientDto(t.Id, t.Code, t.Name));
        var points = tasks.Select(t => new DirectivePointDto(t.Id, t.PointNumber, t.Title, t.Content, t.LeadUnitName, t.CoordinatingUnitNames,
            t.PlannedLeadTenantIds, t.PlannedCoordinatingTenantIds, t.DeadlineKind, t.DueDate, t.Recurrence, t.RecurFrom, t.RecurUntil,
            t.ReviewDates, t.Priority, t.LeaderMembershipId, t.LeaderName, t.State, t.Percent, t.TimelinessOn(today), t.Version)).ToList();
        return new DirectiveDetail(d.Id, d.Kind, d.Number, d.IssueDate, d.IssuePlace, d.IssuingBody, d.Signer, d.SignerCapacity, d.Subject,
            d.Body, d.ImplementsReference, d.ImplementsDirectiveId, recipients, d.AttachmentFileIds, d.Status, d.SourceTenantName, d.IssuedAt,
            d.WithdrawReason, points, TimelinessCounts.Of(points.Where(p => p.State != TaskState.Draft).Select(p => p.Timeliness)), d.Version);
    }
}

public sealed class GetDirectiveEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/directives/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDirectiveQuery(id), ct))
        .WithTags("Directives").WithSummary("A directive with its points (tasks) and their timeliness")
        .Produces<DirectiveDetail>().WithTenantProblems();
}
