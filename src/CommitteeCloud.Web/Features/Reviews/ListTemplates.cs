using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>Bộ tiêu chí: this unit's own templates, then the shipped examples it may copy.</summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record ListTemplatesQuery : IQuery<IReadOnlyList<TemplateSummary>>;

public sealed class ListTemplatesHandler(AppDbContext db) : IQueryHandler<ListTemplatesQuery, IReadOnlyList<TemplateSummary>>
{
    public async ValueTask<IReadOnlyList<TemplateSummary>> Handle(ListTemplatesQuery query, CancellationToken ct)
    {
        var own = await db.CriteriaTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        return [.. own.Select(t => Summary(t.Id, t.ShippedKey, t.Name, t.Description, t.Sheet, false)),
            .. ShippedTemplates.All.Select(t => Summary(null, t.Key, t.Name, t.Description, t.Sheet, true))];
    }

    private static TemplateSummary Summary(Guid? id, string? key, string name, string? description, CriteriaSheet sheet, bool shipped) =>
        new(id, key, name, description, sheet.Total, sheet.Criteria.Count(), sheet.BonusCap, sheet.DeductionCap,
            [.. sheet.Bands.OrderByDescending(b => b.MinScore).Select(b => $"{b.Name} (≥ {b.MinScore:0.##})")], shipped);
}

/// <summary>One template with its whole sheet.</summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record GetTemplateQuery(Guid Id) : IQuery<TemplateDetail>;

public sealed class GetTemplateHandler(AppDbContext db) : IQueryHandler<GetTemplateQuery, TemplateDetail>
{
    public async ValueTask<TemplateDetail> Handle(GetTemplateQuery query, CancellationToken ct)
    {
        var t = await db.CriteriaTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, ct) ?? throw new NotFoundException("template");
        return new TemplateDetail(t.Id, t.ShippedKey, t.Name, t.Description, t.Sheet, false, t.Version);
    }
}

/// <summary>A shipped example, to view or to copy.</summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record GetShippedTemplateQuery(string Key) : IQuery<TemplateDetail>;

public sealed class GetShippedTemplateHandler : IQueryHandler<GetShippedTemplateQuery, TemplateDetail>
{
    public ValueTask<TemplateDetail> Handle(GetShippedTemplateQuery query, CancellationToken ct)
    {
        var t = ShippedTemplates.Find(query.Key) ?? throw new NotFoundException("template");
        return ValueTask.FromResult(new TemplateDetail(null, t.Key, t.Name, t.Description, t.Sheet, true, null));
    }
}

public sealed class ListTemplatesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/review-templates", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListTemplatesQuery(), ct))
            .WithTags("Reviews").WithSummary("Criteria templates: the unit's own, then the shipped examples").Produces<IReadOnlyList<TemplateSummary>>().WithTenantProblems();
        api.MapGet("/review-templates/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTemplateQuery(id), ct))
            .WithTags("Reviews").WithSummary("One criteria template with its groups, criteria, rules and bands").Produces<TemplateDetail>().WithTenantProblems();
        api.MapGet("/review-templates/shipped/{key}", (string key, IMediator mediator, CancellationToken ct) => mediator.Send(new GetShippedTemplateQuery(key), ct))
            .WithTags("Reviews").WithSummary("A shipped example template").Produces<TemplateDetail>().WithTenantProblems();
    }
}
