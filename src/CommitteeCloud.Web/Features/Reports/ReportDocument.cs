using System.Globalization;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using CommitteeCloud.Web.Platform.Documents;
using static CommitteeCloud.Web.Platform.Documents.Docx;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>What a report document shows, whichever side it is printed from.</summary>
public sealed record ReportPaper(string? SuperiorName, string UnitName, ReportSignature Signature, DateOnly Date, string KindName, string Subject,
    IReadOnlyList<ReportSection> Sections, IReadOnlyList<ReportIndicator> Indicators, IReadOnlyList<AggregateRow>? Subtree, int SubtreeUnits,
    string RecipientName, bool Draft);

/// <summary>
/// Báo cáo as a Word document in the party's administrative layout (Hướng dẫn 36-HD/VPTW về thể thức văn bản của
/// Đảng): the issuing body top left with the number-symbol, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with place and date,
/// the title BÁO CÁO and its subject, the sections, the indicator table and the signer block. OpenXML SDK, as the
/// dialogue minutes.
/// </summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record ReportDocumentQuery(Guid Id) : IQuery<ReportFile>;

/// <summary>The copy of a child's submitted report the parent holds.</summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record SlotReportDocumentQuery(Guid RequestId, Guid SlotId) : IQuery<ReportFile>;

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

public sealed class ReportDocumentHandler(AppDbContext db, ITenantContext context, TimeProvider clock)
    : IQueryHandler<ReportDocumentQuery, ReportFile>, IQueryHandler<SlotReportDocumentQuery, ReportFile>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async ValueTask<ReportFile> Handle(ReportDocumentQuery query, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException("report");
        var children = await ReportFigures.ChildrenSlotsAsync(db, r, ct);
        IReadOnlyList<AggregateRow>? subtree = null;
        var units = 1;
        if (children is not null)
        {
            var submitted = children.Where(s => s.IsSubmitted).ToList();
            units += submitted.Sum(s => s.SubtreeUnits);
            var cells = ReportAggregation.Combine([ReportAggregation.CellsOf(r.Indicators), .. submitted.Select(s => s.SubtreeCells)]).ToDictionary(c => c.Key);
            subtree = [.. r.Indicators.Select(i => new AggregateRow(i.Key, i.Name, i.Unit, i.Rule, null, 0, cells.GetValueOrDefault(i.Key)?.ValueBy(i.Rule),
                cells.GetValueOrDefault(i.Key)?.Count ?? 0))];
        }
        var date = r.SubmittedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime) : clock.Today();
        var paper = new ReportPaper(r.ParentTenantName, context.Tenant!.Name, r.Signature, date, ReportPeriods.KindName(r.Kind), r.Subject, r.Sections,
            r.Indicators, subtree, units, r.ParentTenantName, r.State != ReportState.Submitted);
        return new ReportFile(FileName(r.PeriodName, r.Id), ContentType, Write(paper));
    }

    public async ValueTask<ReportFile> Handle(SlotReportDocumentQuery query, CancellationToken ct)
    {
        var s = await db.ReportSlots.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.SlotId && x.RequestId == query.RequestId, ct)
            ?? throw new NotFoundException("slot");
        if (s.Revision == 0) throw new NotFoundException("report");
        var r = await db.ReportRequests.AsNoTracking().FirstAsync(x => x.Id == s.RequestId, ct);
        var cells = s.SubtreeCells.ToDictionary(c => c.Key);
        IReadOnlyList<AggregateRow>? subtree = s.SubtreeUnits > 1
            ? [.. r.Indicators.Select(i => new AggregateRow(i.Key, i.Name, i.Unit, i.Rule, null, 0, cells.GetValueOrDefault(i.Key)?.ValueBy(i.Rule), cells.GetValueOrDefault(i.Key)?.Count ?? 0))]
            : null;
        var date = s.SubmittedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime) : clock.Today();
        var paper = new ReportPaper(context.Tenant!.Name, s.ChildName, s.Signature, date, ReportPeriods.KindName(r.Kind), r.Subject, s.Sections,
            s.Indicators, subtree, s.SubtreeUnits, context.Tenant.Name, false);
        return new ReportFile(FileName(r.PeriodName + " " + s.ChildCode, s.Id), ContentType, Write(paper));
    }

    private static string FileName(string period, Guid id) =>
        $"bao-cao-{string.Concat(period.Where(char.IsAsciiLetterOrDigit))}-{id.ToString("N")[..8]}.docx";

    public static byte[] Write(ReportPaper p)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            var left = new List<Paragraph>();
            if (p.SuperiorName is not null) left.Add(Para(JustificationValues.Center, Text(p.SuperiorName.ToUpperInvariant())));
            left.Add(Para(JustificationValues.Center, Text(p.UnitName.ToUpperInvariant(), bold: true)));
            left.Add(Para(JustificationValues.Center, Text("*")));
            left.Add(Para(JustificationValues.Center, Text($"Số {p.Signature.DocumentNumber ?? "      -BC/"}")));
            var place = p.Signature.Place ?? "..........";
            body.Append(TwoColumns(left,
            [
                Para(JustificationValues.Center, Text("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true)),
                Para(JustificationValues.Center, Text("")),
                Para(JustificationValues.Right, Text($"{place}, ngày {p.Date.Day:00} tháng {p.Date.Month:00} năm {p.Date.Year}", italic: true)),
            ], leftWidth: 2300));
            body.Append(Para(JustificationValues.Center, Text("")));
            body.Append(Para(JustificationValues.Center, Text("BÁO CÁO", bold: true, size: 32)));
            body.Append(Para(JustificationValues.Center, Text(p.Subject, bold: true)));
            body.Append(Para(JustificationValues.Center, Text("-----")));
            if (p.Draft) body.Append(Para(JustificationValues.Center, Text("(Dự thảo)", italic: true)));

            var n = 1;
            foreach (var s in p.Sections)
            {
                body.Append(Para(JustificationValues.Left, Text($"{Roman(n++)}. {s.Title.ToUpperInvariant()}", bold: true)));
                foreach (var line in (s.Text ?? "").Split('\n'))
                    body.Append(Para(JustificationValues.Both, Text(line.TrimEnd('\r'))));
            }
            if (p.Indicators.Count > 0)
            {
                body.Append(Para(JustificationValues.Left, Text($"{Roman(n)}. CÁC CHỈ TIÊU SỐ LIỆU", bold: true)));
                body.Append(IndicatorTable(p));
                var notes = p.Indicators.Where(i => i.CorrectionNote is not null).ToList();
                foreach (var i in notes)
                    body.Append(Para(JustificationValues.Both, Text($"Ghi chú \"{i.Name}\": ", italic: true),
                        Text($"số liệu hệ thống {Number(i.Computed)}, báo cáo {Number(i.Value)} — {i.CorrectionNote}", italic: true)));
            }

            body.Append(Para(JustificationValues.Center, Text("")));
            body.Append(TwoColumns(
                [Para(JustificationValues.Left, Text("Nơi nhận:", bold: true, underline: true, size: 24)),
                 Para(JustificationValues.Left, Text($"- {p.RecipientName},", size: 22)), Para(JustificationValues.Left, Text("- Lưu Văn phòng.", size: 22))],
                [.. (p.Signature.SignerCapacity ?? "T/M BAN THƯỜNG VỤ").Split('\n').Select(l => Para(JustificationValues.Center, Text(l.Trim().ToUpperInvariant(), bold: true))),
                 Para(JustificationValues.Center, Text("")), Para(JustificationValues.Center, Text("")),
                 Para(JustificationValues.Center, Text(p.Signature.SignerName ?? "", bold: true))], leftWidth: 2300));
            body.Append(new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table IndicatorTable(ReportPaper p)
    {
        var borders = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders));
        var withSubtree = p.Subtree is not null;
        string[] head = withSubtree ? ["TT", "Chỉ tiêu", "ĐVT", "Đơn vị", $"Toàn đảng bộ ({p.SubtreeUnits} đơn vị)"] : ["TT", "Chỉ tiêu", "ĐVT", "Kết quả"];
        table.Append(Row(head, bold: true));
        var subtree = p.Subtree?.ToDictionary(r => r.Key);
        var i = 1;
        foreach (var x in p.Indicators)
        {
            var value = x.Rule == AggregationRule.CountYes ? (x.Value is null ? "" : x.Value > 0 ? "Có" : "Không") : Number(x.Value);
            string[] cells = withSubtree
                ? [$"{i++}", x.Name, x.Unit, value, Number(subtree!.GetValueOrDefault(x.Key)?.Subtree)]
                : [$"{i++}", x.Name, x.Unit, value];
            table.Append(Row(cells, bold: false));
        }
        return table;
    }

    // A report's body is 14 pt (the minutes are 13 pt).
    private static Run Text(string text, bool bold = false, bool italic = false, bool underline = false, int size = 28) =>
        Docx.Text(text, bold, italic, underline, size);

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new([.. cells.Select(c => new TableCell(Para(JustificationValues.Left, Text(c, bold: bold, size: 24))))]);

    public static string Number(decimal? v) => v is { } d ? d.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN")) : "";




}

public sealed class ReportDocumentEndpoints : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/{id:guid}/report.docx", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new ReportDocumentQuery(id), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags("Reports").WithSummary("The unit's report as a .docx in the party's administrative layout (a draft until submitted)")
            .Produces(StatusCodes.Status200OK, contentType: ReportDocumentHandler.ContentType).WithTenantProblems();
        api.MapGet("/report-requests/{id:guid}/slots/{slotId:guid}/report.docx", async (Guid id, Guid slotId, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new SlotReportDocumentQuery(id, slotId), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags("Reports").WithSummary("A child's submitted report, as received, as a .docx")
            .Produces(StatusCodes.Status200OK, contentType: ReportDocumentHandler.ContentType).WithTenantProblems();
    }
}
