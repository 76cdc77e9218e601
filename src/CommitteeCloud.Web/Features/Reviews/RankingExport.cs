using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using MiniExcelLibs;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>Bảng xếp hạng as a spreadsheet (.xlsx), once the cycle is finalized.</summary>
[RequirePermission(Permissions.ReviewsAppraise)]
public sealed record RankingWorkbookQuery(Guid Id) : IQuery<RankingWorkbook>;

public sealed record RankingWorkbook(byte[] Content, string FileName);

public sealed class RankingWorkbookHandler(AppDbContext db) : IQueryHandler<RankingWorkbookQuery, RankingWorkbook>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async ValueTask<RankingWorkbook> Handle(RankingWorkbookQuery query, CancellationToken ct)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, ct) ?? throw new NotFoundException("cycle");
        if (!cycle.IsFinalized) throw new DomainRuleException("state", "Đợt đánh giá chưa chốt kết quả: chưa có bảng xếp hạng.");
        var rows = cycle.Ranking.Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Đơn vị"] = r.ChildName,
            ["Tổng điểm"] = r.Total,
            ["Xếp loại"] = r.Band,
            ["Xếp hạng"] = r.Rank,
            ["Đã nộp tự đánh giá"] = r.Submitted ? "Có" : "Không",
            ["Ghi chú"] = r.NotEligibleReason,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Xếp hạng", cancellationToken: ct);
        return new RankingWorkbook(stream.ToArray(), $"xep-hang-{cycle.Year}-{cycle.Id.ToString("N")[..8]}.xlsx");
    }
}

public sealed class RankingWorkbookEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/review-cycles/{id:guid}/ranking.xlsx", async (Guid id, IMediator mediator, CancellationToken ct) =>
        {
            var file = await mediator.Send(new RankingWorkbookQuery(id), ct);
            return Results.File(file.Content, RankingWorkbookHandler.ContentType, file.FileName);
        })
        .WithTags("Reviews").WithSummary("The ranking table as .xlsx (after finalization)")
        .Produces(StatusCodes.Status200OK, contentType: RankingWorkbookHandler.ContentType).WithTenantProblems();
}
