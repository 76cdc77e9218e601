using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Trả lại báo cáo with comments: applied to the slot here and, acting in the child's tenant in the same transaction,
/// to the child's own report, with a notification there. The child edits, has it approved again and resubmits.
/// </summary>
[RequirePermission(Permissions.ReportsManage)]
public sealed record ReturnReportCommand(Guid RequestId, Guid SlotId, string Comment, uint? Version = null) : ICommand<ReportBoard>;

public sealed class ReturnReportValidator : AbstractValidator<ReturnReportCommand>
{
    public ReturnReportValidator() =>
        RuleFor(x => x.Comment).NotEmpty().WithMessage("Hãy nêu nội dung yêu cầu chỉnh sửa.")
            .MaximumLength(ReportTemplate.TextMaxLength).WithMessage("Nội dung quá dài.");
}

public sealed class ReturnReportHandler(AppDbContext db, ITenantContext context, TenantStore tenants, ReportHandOffs handOffs, TimeProvider clock,
    AfterCommit afterCommit, LivePush push, IMediator mediator) : ICommandHandler<ReturnReportCommand, ReportBoard>
{
    public async ValueTask<ReportBoard> Handle(ReturnReportCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var slot = await db.ReportSlots.FirstOrDefaultAsync(s => s.Id == command.SlotId && s.RequestId == command.RequestId, ct)
            ?? throw new NotFoundException("slot");
        db.ExpectVersion(slot, command.Version);
        var comment = command.Comment.Trim();
        slot.CheckReturn(comment);
        var now = clock.GetUtcNow();
        var actor = await db.ActorNameAsync(context, ct);
        var childSequence = 0;
        var child = await tenants.ChildOfCurrentAsync(context, slot.ChildTenantId, ct);
        if (child is not null)
        {
            await using (await db.ActInTenantAsync(child, ct))
            {
                var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == slot.ChildReportId, ct);
                if (report is not null && report.State == ReportState.Submitted)
                {
                    report.Return(comment, now, actor, current.Name);
                    childSequence = report.Sequence;
                    var link = $"/t/{child.Code}/reports/received?id={report.Id}";
                    await handOffs.NotifyUnitAsync(ReportEvents.Returned, $"{current.Name} trả lại báo cáo {report.PeriodName}", comment,
                        link, $"{ReportEvents.Returned}:{report.Id:N}:{report.Sequence}", ct);
                }
                var childId = child.Id;
                afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(childId, ReportEvents.BoardChanged, slot.ChildReportId)));
            }
        }
        slot.Return(comment, now, actor, current.Name, childSequence);
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReportEvents.BoardChanged, slot.RequestId)));
        return await mediator.Send(new GetReportRequestQuery(slot.RequestId), ct);
    }
}

public sealed class ReturnReportEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/report-requests/{id:guid}/slots/{slotId:guid}/return", (Guid id, Guid slotId, ReturnReportBody body, IMediator m, CancellationToken ct) =>
            m.Send(new ReturnReportCommand(id, slotId, body.Comment ?? "", body.Version), ct))
        .WithTags("Reports").WithSummary("Return a child's submitted report with comments")
        .Produces<ReportBoard>().WithCommandProblems();
}

public sealed record ReturnReportBody(string? Comment, uint? Version);
