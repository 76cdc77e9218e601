using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Chuyển yêu cầu báo cáo xuống: a unit that has children of its own asks them for the same report (same period and
/// indicators) by a deadline of its choice, not after its own. Their submitted figures then add up on its report, and
/// what it submits carries its whole subtree.
/// </summary>
[RequirePermission(Permissions.ReportsManage)]
public sealed record ForwardReportRequestCommand(Guid ReportId, DateOnly Deadline, Guid[] ChildTenantIds, string? Guidance) : ICommand<ReportBoard>;

public sealed class ForwardReportRequestValidator : AbstractValidator<ForwardReportRequestCommand>
{
    public ForwardReportRequestValidator()
    {
        RuleFor(x => x.Deadline).NotEqual(default(DateOnly)).WithMessage("Hãy chọn hạn nộp báo cáo.");
        RuleFor(x => x.ChildTenantIds).NotEmpty().WithMessage("Hãy chọn ít nhất một đơn vị.")
            .Must(ids => ids.Length <= 1000).WithMessage("Tối đa 1.000 đơn vị mỗi yêu cầu.");
        RuleFor(x => x.Guidance).MaximumLength(ReportTemplate.TextMaxLength).WithMessage("Hướng dẫn quá dài.");
    }
}

public sealed class ForwardReportRequestHandler(AppDbContext db, ITenantContext context, TaskHandOffs children, ReportHandOffs handOffs, TimeProvider clock,
    IMediator mediator) : ICommandHandler<ForwardReportRequestCommand, ReportBoard>
{
    public async ValueTask<ReportBoard> Handle(ForwardReportRequestCommand command, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == command.ReportId, ct) ?? throw new NotFoundException("report");
        var today = clock.Today();
        if (report.ForwardedRequestId is not null) throw new DomainRuleException("reportId", "Yêu cầu này đã được chuyển cho các đơn vị trực thuộc.");
        if (report.State == ReportState.Submitted) throw new DomainRuleException("reportId", "Báo cáo đã gửi cấp trên.");
        if (command.Deadline < today) throw new DomainRuleException("deadline", "Hạn nộp phải từ hôm nay trở đi.");
        if (command.Deadline > report.Deadline) throw new DomainRuleException("deadline", $"Hạn nộp không được sau hạn của cấp trên ({report.Deadline:dd/MM/yyyy}).");
        var recipients = new List<TenantInfo>();
        foreach (var id in command.ChildTenantIds.Distinct()) recipients.Add(await children.ChildAsync(id, "childTenantIds", ct));
        var actor = await db.ActorNameAsync(context, ct);
        var now = clock.GetUtcNow();
        var request = new ReportRequest(report.Kind, report.Year, report.Number, report.PeriodFrom, report.PeriodTo, report.OpensOn > today ? report.OpensOn : today,
            command.Deadline, report.Subject, command.Guidance ?? report.Guidance, null, $"Theo yêu cầu của {report.ParentTenantName}",
            [.. report.Sections.Select(s => new TemplateSection { Title = s.Title, Guidance = s.Guidance })],
            [.. report.Indicators.Select(i => new TemplateIndicator { Key = i.Key, Name = i.Name, Unit = i.Unit, Rule = i.Rule, IndicatorCode = i.IndicatorCode })],
            null, report.Id, actor, now);
        report.Forwarded(request.Id, now, actor, context.Tenant!.Name, string.Join(", ", recipients.Select(r => r.Name)));
        await handOffs.SendAsync([request], recipients, actor, ct);
        return await mediator.Send(new GetReportRequestQuery(request.Id), ct);
    }
}

public sealed class ForwardReportRequestEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/reports/{id:guid}/forward", (Guid id, ForwardBody body, IMediator m, CancellationToken ct) =>
            m.Send(new ForwardReportRequestCommand(id, body.Deadline ?? default, body.ChildTenantIds ?? [], body.Guidance), ct))
        .WithTags("Reports").WithSummary("Forward a received request to this unit's own children; their figures add up on this unit's report")
        .Produces<ReportBoard>().WithCommandProblems();
}

public sealed record ForwardBody(DateOnly? Deadline, Guid[]? ChildTenantIds, string? Guidance);
