using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using MiniExcelLibs;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Biểu tổng hợp: the board's aggregate table as .xlsx (MiniExcel): one sheet with each indicator added up across the
/// children and across the subtree, one with each child's status and figures.
/// </summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record ReportAggregateWorkbookQuery(Guid RequestId) : IQuery<ReportFile>;

public sealed class ReportAggregateWorkbookHandler(IMediator mediator) : IQueryHandler<ReportAggregateWorkbookQuery, ReportFile>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async ValueTask<ReportFile> Handle(ReportAggregateWorkbookQuery query, CancellationToken ct)
    {
        var board = await mediator.Send(new GetReportRequestQuery(query.RequestId, WithContent: true), ct);
        return new ReportFile($"tong-hop-bao-cao-{board.Id.ToString("N")[..8]}.xlsx", ContentType, Write(board));
    }

    public static byte[] Write(ReportBoard board)
    {
        var summary = board.Aggregate.Select((a, i) => new Dictionary<string, object?>
        {
            ["TT"] = i + 1,
            ["Chỉ tiêu"] = a.Name,
            ["ĐVT"] = a.Unit,
            ["Cách tổng hợp"] = RuleName(a.Rule),
            ["Các đơn vị trực thuộc"] = a.Children,
            ["Số đơn vị có số liệu"] = a.ChildrenUnits,
            ["Toàn đảng bộ"] = a.Subtree,
            ["Số đơn vị (toàn đảng bộ)"] = a.SubtreeUnits,
        }).ToList();
        var detail = board.Slots.Select(s =>
        {
            var row = new Dictionary<string, object?>
            {
                ["Đơn vị"] = s.ChildName,
                ["Tình trạng"] = StatusName(s.Status),
                ["Ngày gửi"] = s.SubmittedAt?.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm"),
                ["Lần gửi"] = s.Revision,
            };
            var values = s.Indicators.ToDictionary(i => i.Key);
            foreach (var a in board.Aggregate) row[$"{a.Name} ({a.Unit})"] = values.GetValueOrDefault(a.Key)?.Value;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Tong hop"] = summary, ["Chi tiet don vi"] = detail });
        return stream.ToArray();
    }

    public static string RuleName(AggregationRule rule) => rule switch
    {
        AggregationRule.Sum => "Cộng",
        AggregationRule.Average => "Bình quân",
        _ => "Đếm số đơn vị có",
    };

    public static string StatusName(ReportBoardStatus status) => status switch
    {
        ReportBoardStatus.NotSubmitted => "Chưa gửi",
        ReportBoardStatus.OnTime => "Đã gửi đúng hạn",
        ReportBoardStatus.Late => "Đã gửi muộn",
        ReportBoardStatus.Overdue => "Quá hạn, chưa gửi",
        _ => "Đã trả lại",
    };
}

public sealed class ReportAggregateWorkbookEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/report-requests/{id:guid}/aggregate.xlsx", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            var file = await m.Send(new ReportAggregateWorkbookQuery(id), ct);
            return Results.File(file.Content, file.ContentType, file.FileName);
        })
        .WithTags("Reports").WithSummary("The board's aggregate table as .xlsx")
        .Produces(StatusCodes.Status200OK, contentType: ReportAggregateWorkbookHandler.ContentType).WithTenantProblems();
}
