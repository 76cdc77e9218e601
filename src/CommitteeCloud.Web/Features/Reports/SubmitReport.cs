using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Gửi báo cáo lên cấp trên: the approved report with its whole subtree's figures (its own, plus what its children
/// submitted on the request it forwarded to them). Accepted after the deadline, marked late. It goes up as a routed
/// event written in this transaction (ADR 0005); the parent's board updates live when it is delivered.
/// </summary>
[RequirePermission(Permissions.ReportsSubmit)]
public sealed record SubmitReportCommand(Guid Id, uint? Version = null) : ICommand<ReportDetail>;

public sealed class SubmitReportValidator : AbstractValidator<SubmitReportCommand>
{
    public SubmitReportValidator() => RuleFor(x => x.Id).NotEqual(Guid.Empty);
}

public sealed class SubmitReportHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push, IMediator mediator)
    : ICommandHandler<SubmitReportCommand, ReportDetail>
{
    public async ValueTask<ReportDetail> Handle(SubmitReportCommand command, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == command.Id, ct) ?? throw new NotFoundException("report");
        db.ExpectVersion(report, command.Version);
        var children = (await ReportFigures.ChildrenSlotsAsync(db, report, ct))?.Where(s => s.IsSubmitted).ToList() ?? [];
        var subtree = ReportAggregation.Combine([ReportAggregation.CellsOf(report.Indicators), .. children.Select(s => s.SubtreeCells)]);
        var units = 1 + children.Sum(s => s.SubtreeUnits);
        var actor = await db.ActorNameAsync(context, ct);
        report.Submit(subtree, units, clock.Today(), clock.GetUtcNow(), actor, context.Tenant!.Name);
        await db.SaveChangesAsync(ct);
        var tenantId = context.Tenant.Id;
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(tenantId, ReportEvents.BoardChanged, report.Id)));
        return await mediator.Send(new GetReportQuery(report.Id), ct);
    }
}

public sealed class SubmitReportEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/reports/{id:guid}/submit", (Guid id, VersionBody? body, IMediator m, CancellationToken ct) =>
            m.Send(new SubmitReportCommand(id, body?.Version), ct))
        .WithTags("Reports").WithSummary("Submit the approved report (with its subtree's figures) to the parent; late after the deadline")
        .Produces<ReportDetail>().WithCommandProblems();
}
