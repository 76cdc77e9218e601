using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Bí thư duyệt báo cáo: takes the figures of now for the uncorrected bound indicators and freezes them; those who
/// submit are told it may go up.
/// </summary>
[RequirePermission(Permissions.ReportsApprove)]
public sealed record ApproveReportCommand(Guid Id, uint? Version = null) : ICommand<ReportDetail>;

public sealed class ApproveReportValidator : AbstractValidator<ApproveReportCommand>
{
    public ApproveReportValidator() => RuleFor(x => x.Id).NotEqual(Guid.Empty);
}

public sealed class ApproveReportHandler(AppDbContext db, ITenantContext context, TimeProvider clock, IEnumerable<IIndicatorSource> sources,
    TaskAudience audience, IMediator mediator) : ICommandHandler<ApproveReportCommand, ReportDetail>
{
    public async ValueTask<ReportDetail> Handle(ApproveReportCommand command, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == command.Id, ct) ?? throw new NotFoundException("report");
        db.ExpectVersion(report, command.Version);
        await ReportFigures.PrefillAsync(report, sources, ct);
        var now = clock.GetUtcNow();
        var actor = await db.ActorNameAsync(context, ct);
        report.Approve(clock.Today(), now, actor, context.Tenant!.Name);
        await audience.NotifyAsync(Permissions.ReportsSubmit, null, ReportEvents.Approved, $"{actor} đã duyệt báo cáo {report.PeriodName}",
            "Báo cáo sẵn sàng gửi cấp trên.", $"/t/{context.Tenant.Code}/reports/received?id={report.Id}",
            $"{ReportEvents.Approved}:{report.Id:N}:{now.ToUnixTimeMilliseconds()}", ct, exceptUserId: context.UserId);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetReportQuery(report.Id), ct);
    }
}

public sealed class ApproveReportEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/reports/{id:guid}/approve", (Guid id, VersionBody? body, IMediator m, CancellationToken ct) =>
            m.Send(new ApproveReportCommand(id, body?.Version), ct))
        .WithTags("Reports").WithSummary("Approve the unit's report (secretary): the figures are frozen")
        .Produces<ReportDetail>().WithCommandProblems();
}

public sealed record VersionBody(uint? Version);
