using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>Mẫu báo cáo of this unit, for the request form and the templates page.</summary>
[RequirePermission(Permissions.ReportsManage)]
public sealed record ListReportTemplatesQuery : IQuery<IReadOnlyList<ReportTemplateSummary>>;

public sealed class ListReportTemplatesHandler(AppDbContext db) : IQueryHandler<ListReportTemplatesQuery, IReadOnlyList<ReportTemplateSummary>>
{
    public async ValueTask<IReadOnlyList<ReportTemplateSummary>> Handle(ListReportTemplatesQuery query, CancellationToken ct) =>
        [.. (await db.ReportTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct))
            .Select(t => new ReportTemplateSummary(t.Id, t.Name, t.Sections.Count, t.Indicators.Count, t.UpdatedAt))];
}

[RequirePermission(Permissions.ReportsManage)]
public sealed record GetReportTemplateQuery(Guid Id) : IQuery<ReportTemplateDto>;

public sealed class GetReportTemplateHandler(AppDbContext db) : IQueryHandler<GetReportTemplateQuery, ReportTemplateDto>
{
    public async ValueTask<ReportTemplateDto> Handle(GetReportTemplateQuery query, CancellationToken ct) =>
        (await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, ct) ?? throw new NotFoundException("template")).ToDto();
}

/// <summary>The figures the system knows from live data (số liệu tự động), to bind a template's indicators to.</summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record ReportIndicatorCatalogQuery : IQuery<IReadOnlyList<IndicatorDefinition>>;

public sealed class ReportIndicatorCatalogHandler(IEnumerable<IIndicatorSource> sources) : IQueryHandler<ReportIndicatorCatalogQuery, IReadOnlyList<IndicatorDefinition>>
{
    public ValueTask<IReadOnlyList<IndicatorDefinition>> Handle(ReportIndicatorCatalogQuery query, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<IndicatorDefinition>>([.. sources.SelectMany(s => s.Indicators).OrderBy(d => d.Code, StringComparer.Ordinal)]);
}

public sealed record TemplateSectionInput(string? Title, string? Guidance);

public sealed record TemplateIndicatorInput(string? Key, string? Name, string? Unit, AggregationRule? Rule, string? IndicatorCode);

/// <summary>Tạo / sửa mẫu báo cáo. Requests already sent keep the copy they were sent with.</summary>
[RequirePermission(Permissions.ReportsManage)]
public sealed record SaveReportTemplateCommand(Guid? Id, string Name, string? Description, TemplateSectionInput[] Sections,
    TemplateIndicatorInput[] Indicators, uint? Version = null) : ICommand<ReportTemplateDto>;

public sealed class SaveReportTemplateValidator : AbstractValidator<SaveReportTemplateCommand>
{
    public SaveReportTemplateValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên mẫu báo cáo.").MaximumLength(ReportTemplate.NameMaxLength).WithMessage("Tên mẫu quá dài.");
        RuleFor(x => x.Description).MaximumLength(ReportTemplate.TextMaxLength).WithMessage("Mô tả quá dài.");
        RuleFor(x => x.Sections).Must(s => s.Length <= ReportTemplate.MaxSections).WithMessage($"Tối đa {ReportTemplate.MaxSections} phần nội dung.");
        RuleFor(x => x.Indicators).Must(s => s.Length <= ReportTemplate.MaxIndicators).WithMessage($"Tối đa {ReportTemplate.MaxIndicators} chỉ tiêu.");
        RuleForEach(x => x.Sections).ChildRules(s =>
        {
            s.RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên phần nội dung.").MaximumLength(ReportTemplate.NameMaxLength).WithMessage("Tên phần quá dài.");
            s.RuleFor(x => x.Guidance).MaximumLength(ReportTemplate.TextMaxLength).WithMessage("Hướng dẫn quá dài.");
        });
        RuleForEach(x => x.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên chỉ tiêu.").MaximumLength(ReportTemplate.NameMaxLength).WithMessage("Tên chỉ tiêu quá dài.");
            i.RuleFor(x => x.Unit).NotEmpty().WithMessage("Hãy nhập đơn vị tính.").MaximumLength(64).WithMessage("Đơn vị tính quá dài.");
            i.RuleFor(x => x.Rule).NotNull().WithMessage("Hãy chọn cách tổng hợp (cộng, bình quân, đếm số đơn vị có).")
                .IsInEnum().WithMessage("Cách tổng hợp không hợp lệ.");
            i.RuleFor(x => x.Key).MaximumLength(16).WithMessage("Mã chỉ tiêu quá dài.");
            i.RuleFor(x => x.IndicatorCode).MaximumLength(64).WithMessage("Mã số liệu tự động quá dài.");
        });
    }
}

public sealed class SaveReportTemplateHandler(AppDbContext db, ITenantContext context, TimeProvider clock, IEnumerable<IIndicatorSource> sources)
    : ICommandHandler<SaveReportTemplateCommand, ReportTemplateDto>
{
    public async ValueTask<ReportTemplateDto> Handle(SaveReportTemplateCommand command, CancellationToken ct)
    {
        var known = sources.SelectMany(s => s.Indicators).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < command.Indicators.Length; i++)
            if (!string.IsNullOrWhiteSpace(command.Indicators[i].IndicatorCode) && !known.Contains(command.Indicators[i].IndicatorCode!.Trim()))
                throw new DomainRuleException($"indicators[{i}].indicatorCode", "Số liệu tự động không tồn tại.");
        var sections = command.Sections.Select(s => new TemplateSection { Title = s.Title ?? "", Guidance = s.Guidance }).ToList();
        var indicators = command.Indicators.Select(i => new TemplateIndicator
        {
            Key = i.Key?.Trim() ?? "", Name = i.Name ?? "", Unit = i.Unit ?? "", Rule = i.Rule ?? AggregationRule.Sum, IndicatorCode = i.IndicatorCode,
        }).ToList();
        var now = clock.GetUtcNow();
        ReportTemplate template;
        if (command.Id is { } id)
        {
            template = await db.ReportTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("template");
            db.ExpectVersion(template, command.Version);
            template.Change(command.Name, command.Description, sections, indicators, now);
        }
        else
        {
            template = new ReportTemplate(command.Name, command.Description, sections, indicators, await db.ActorNameAsync(context, ct), now);
            db.ReportTemplates.Add(template);
        }
        await db.SaveChangesAsync(ct);
        return template.ToDto();
    }
}

public sealed class ReportTemplateEndpoints : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/report-templates", (IMediator m, CancellationToken ct) => m.Send(new ListReportTemplatesQuery(), ct))
            .WithTags("Reports").WithSummary("This unit's report templates").Produces<IReadOnlyList<ReportTemplateSummary>>().WithTenantProblems();
        api.MapGet("/report-templates/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetReportTemplateQuery(id), ct))
            .WithTags("Reports").WithSummary("A report template: sections and indicators").Produces<ReportTemplateDto>().WithTenantProblems();
        api.MapGet("/report-indicators", (IMediator m, CancellationToken ct) => m.Send(new ReportIndicatorCatalogQuery(), ct))
            .WithTags("Reports").WithSummary("The live figures an indicator can be bound to (pre-filled)").Produces<IReadOnlyList<IndicatorDefinition>>().WithTenantProblems();
        api.MapPost("/report-templates", (ReportTemplateBody body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveReportTemplateCommand(null, body.Name ?? "", body.Description, body.Sections ?? [], body.Indicators ?? []), ct))
            .WithTags("Reports").WithSummary("Create a report template").Produces<ReportTemplateDto>().WithCommandProblems();
        api.MapPut("/report-templates/{id:guid}", (Guid id, ReportTemplateBody body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveReportTemplateCommand(id, body.Name ?? "", body.Description, body.Sections ?? [], body.Indicators ?? [], body.Version), ct))
            .WithTags("Reports").WithSummary("Change a report template (requests already sent keep their copy)").Produces<ReportTemplateDto>().WithCommandProblems();
    }
}

public sealed record ReportTemplateBody(string? Name, string? Description, TemplateSectionInput[]? Sections, TemplateIndicatorInput[]? Indicators, uint? Version);
