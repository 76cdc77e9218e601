using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// Phiếu đánh giá, chấm điểm of one unit as a Word document: every line with its maximum, the self-score, the appraised
/// score and its reason, then the totals and the band. The parent prints it from its copy; the unit from its own sheet.
/// </summary>
[RequirePermission(Permissions.ReviewsAppraise)]
public sealed record UnitSheetDocumentQuery(Guid CycleId, Guid UnitId) : IQuery<SheetDocument>;

/// <summary>The unit's own scored sheet as a Word document.</summary>
[RequirePermission(Permissions.ReviewsSelfAssess)]
public sealed record SelfSheetDocumentQuery(Guid Id) : IQuery<SheetDocument>;

public sealed record SheetDocument(string FileName, byte[] Content);

public sealed class UnitSheetDocumentHandler(AppDbContext db) : IQueryHandler<UnitSheetDocumentQuery, SheetDocument>
{
    public async ValueTask<SheetDocument> Handle(UnitSheetDocumentQuery query, CancellationToken ct)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.CycleId, ct) ?? throw new NotFoundException("cycle");
        var u = await db.UnitReviews.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.UnitId && u.CycleId == cycle.Id, ct) ?? throw new NotFoundException("unit review");
        var total = ReviewScoring.Compute(cycle.Sheet, u.Lines);
        var band = u.Band ?? (u.NotEligibleReason is null ? ReviewScoring.BandOf(cycle.Sheet.Bands, total.Total) : ReviewScoring.NotEligible);
        return new SheetDocument($"phieu-danh-gia-{u.ChildCode}-{cycle.Year}.docx",
            ScoredSheet.Write(cycle.Title, u.ChildName, cycle.Sheet, u.Lines, total, band, u.NotEligibleReason, u.Rank));
    }
}

public sealed class SelfSheetDocumentHandler(AppDbContext db, ITenantContext context) : IQueryHandler<SelfSheetDocumentQuery, SheetDocument>
{
    public async ValueTask<SheetDocument> Handle(SelfSheetDocumentQuery query, CancellationToken ct)
    {
        var s = await db.SelfAssessments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.Id, ct) ?? throw new NotFoundException("self-assessment");
        var total = ReviewScoring.Compute(s.Sheet, s.Lines);
        return new SheetDocument($"phieu-tu-danh-gia-{s.Year}.docx",
            ScoredSheet.Write(s.Title, context.Tenant!.Name, s.Sheet, s.Lines, total, s.Band ?? "", s.NotEligibleReason, s.Rank));
    }
}

internal static class ScoredSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(string cycleTitle, string unitName, CriteriaSheet sheet, IReadOnlyList<ScoreLine> lines, ReviewTotal total,
        string band, string? notEligibleReason, int? rank)
    {
        var byCode = lines.ToDictionary(l => l.Code);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Centered("PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM CÔNG TÁC DÂN VẬN", bold: true, size: 28));
            body.Append(Centered(cycleTitle, italic: true));
            body.Append(Para($"Đơn vị: {unitName}", bold: true));
            var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(Row(true, "Mã", "Nội dung", "Điểm tối đa", "Tự chấm", "Thẩm định", "Minh chứng, giải trình, lý do điều chỉnh"));
            foreach (var group in sheet.Groups)
            {
                table.Append(Row(true, "", group.Name, "", "", "", ""));
                foreach (var c in group.Criteria) table.Append(LineRow(c.Code, c.Title, c.MaxPoints, byCode.GetValueOrDefault(c.Code)));
            }
            if (sheet.Bonuses.Count > 0) table.Append(Row(true, "", $"Điểm thưởng (tối đa {sheet.BonusCap:0.##})", "", "", "", ""));
            foreach (var b in sheet.Bonuses) table.Append(LineRow(b.Code, b.Title, b.MaxPoints, byCode.GetValueOrDefault(b.Code)));
            if (sheet.Deductions.Count > 0) table.Append(Row(true, "", $"Điểm trừ (tối đa {sheet.DeductionCap:0.##})", "", "", "", ""));
            foreach (var d in sheet.Deductions) table.Append(LineRow(d.Code, d.Title, d.MaxPoints, byCode.GetValueOrDefault(d.Code)));
            body.Append(table);
            body.Append(Para($"Điểm các tiêu chí: {total.Criteria:0.##}; điểm thưởng: {total.Bonus:0.##}; điểm trừ: {total.Deduction:0.##}."));
            body.Append(Para($"Tổng điểm: {total.Total:0.##}/{sheet.Total:0.##}. Xếp loại: {band}" + (rank is { } r ? $". Xếp hạng: {r}." : "."), bold: true));
            if (notEligibleReason is { } ne) body.Append(Para($"Không xếp loại. Lý do: {ne}", italic: true));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static TableRow LineRow(string code, string title, decimal max, ScoreLine? line)
    {
        var notes = string.Join("; ", new[]
        {
            line?.Evidence.Count > 0 ? "Minh chứng: " + string.Join(", ", line.Evidence.Select(e => e.FileName)) : null,
            line?.Explanation, line?.AppraisalReason is { } reason ? $"Điều chỉnh: {reason}" : null,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return Row(false, code, title, $"{max:0.##}", line?.SelfScore is { } s ? $"{s:0.##}" : "", line?.AppraisedScore is { } a ? $"{a:0.##}" : "", notes);
    }

    private static TableRow Row(bool bold, params string[] cells) =>
        new([.. cells.Select(text => new TableCell(new Paragraph(Text(text, bold))))]);

    private static Paragraph Para(string text, bool bold = false, bool italic = false) => new(Text(text, bold, italic));

    private static Paragraph Centered(string text, bool bold = false, bool italic = false, int size = 26) =>
        new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Text(text, bold, italic, size));

    private static Run Text(string text, bool bold = false, bool italic = false, int size = 24) =>
        Platform.Documents.Docx.Text(text, bold, italic, size: size);
}

public sealed class ScoredSheetEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/review-cycles/{id:guid}/units/{unitId:guid}/sheet.docx", async (Guid id, Guid unitId, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new UnitSheetDocumentQuery(id, unitId), ct);
                return Results.File(file.Content, ScoredSheet.ContentType, file.FileName);
            })
            .WithTags("Reviews").WithSummary("A unit's scored sheet as .docx (self-scores, adjustments and reasons, totals, band)")
            .Produces(StatusCodes.Status200OK, contentType: ScoredSheet.ContentType).WithTenantProblems();
        api.MapGet("/self-assessments/{id:guid}/sheet.docx", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new SelfSheetDocumentQuery(id), ct);
                return Results.File(file.Content, ScoredSheet.ContentType, file.FileName);
            })
            .WithTags("Reviews").WithSummary("The unit's own scored sheet as .docx").Produces(StatusCodes.Status200OK, contentType: ScoredSheet.ContentType).WithTenantProblems();
    }
}
