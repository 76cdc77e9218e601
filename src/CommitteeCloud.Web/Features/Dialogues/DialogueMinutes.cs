using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static CommitteeCloud.Web.Platform.Documents.Docx;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// Biên bản đối thoại as a Word document in the Vietnamese administrative layout (Nghị định 30/2020/NĐ-CP): the
/// issuing body and the national motto side by side, place and date, the title, then time, place, chair and
/// participants, the questions and answers, the follow-ups, the conclusion and the signatures. Written with the
/// OpenXML SDK, never by hand.
/// </summary>
[RequirePermission(Permissions.PlansView)]
public sealed record DialogueMinutesQuery(Guid Id) : IQuery<MinutesFile>;

public sealed record MinutesFile(string FileName, byte[] Content);

public sealed class DialogueMinutesHandler(AppDbContext db, ITenantContext context, IMediator mediator) : IQueryHandler<DialogueMinutesQuery, MinutesFile>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async ValueTask<MinutesFile> Handle(DialogueMinutesQuery query, CancellationToken ct)
    {
        var d = await mediator.Send(new GetDialogueQuery(query.Id), ct);
        if (d.Status == DialogueStatus.Cancelled) throw new Platform.Cqrs.NotFoundException("dialogue");
        var parentName = context.Tenant!.ParentId is { } parentId
            ? await db.Tenants.AsNoTracking().Where(t => t.Id == parentId).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        return new MinutesFile($"bien-ban-{d.Date:yyyy-MM-dd}-{d.Id.ToString("N")[..8]}.docx", Write(d, context.Tenant.Name, parentName));
    }

    public static byte[] Write(DialogueDetail d, string unitName, string? parentName)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Header(unitName, parentName));
            body.Append(Para(JustificationValues.Right, Text($"{d.Place}, ngày {d.Date.Day:00} tháng {d.Date.Month:00} năm {d.Date.Year}", italic: true)));
            body.Append(Para(JustificationValues.Center, Text(d.Kind == DialogueKind.StaffConference
                ? "BIÊN BẢN HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC" : "BIÊN BẢN ĐỐI THOẠI", bold: true, size: 28)));
            body.Append(Para(JustificationValues.Center, Text(d.Title, bold: true)));
            if (d.Status != DialogueStatus.MinutesIssued) body.Append(Para(JustificationValues.Center, Text("(Dự thảo)", italic: true)));

            body.Append(Heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"));
            body.Append(Line("Hình thức: ", d.KindName));
            body.Append(Line("Thời gian: ", (d.Time is { } t ? $"{t:HH\\:mm}, " : "") + $"ngày {d.Date:dd/MM/yyyy}"));
            body.Append(Line("Địa điểm: ", d.Place));
            body.Append(Line("Chủ trì: ", d.ChairName));
            body.Append(Line("Thành phần tham dự: ", (d.Participants ?? "") + (d.ParticipantCount is { } n ? $" (số lượng: {n} người)" : "")));
            if (d.Topic is not null) body.Append(Line("Chủ đề: ", d.Topic));

            var section = 2;
            if (d.Conference is { } c)
            {
                body.Append(Heading($"{Roman(section++)}. SỐ LƯỢNG THAM DỰ VÀ CHƯƠNG TRÌNH HỘI NGHỊ"));
                body.Append(Line("Tổng số cán bộ, công chức, viên chức: ", c.Headcount?.ToString() ?? "—"));
                body.Append(Line("Số người dự: ", (c.Attendance?.ToString() ?? "—") + (c.HasQuorum ? " (đủ 2/3, hội nghị hợp lệ)" : " (chưa đủ 2/3)")));
                var i = 1;
                foreach (var item in c.AgendaItems) body.Append(Plain($"{i++}. {item}"));
            }

            body.Append(Heading($"{Roman(section++)}. Ý KIẾN, CÂU HỎI VÀ TRẢ LỜI"));
            if (d.Questions.Count == 0) body.Append(Plain("Không có ý kiến."));
            foreach (var q in d.Questions)
            {
                body.Append(Line($"{q.Number}. {q.Asker}{(q.AskedBeforehand ? " (gửi trước)" : "")}: ", q.Content));
                body.Append(Line("Trả lời: ", q.Answer is null ? "Chưa trả lời." : q.Answer + (q.AnsweredOnSpot ? " (trả lời tại chỗ)" : " (trả lời sau)")));
                if (q.ResponsibleUnitName is not null) body.Append(Line("Đơn vị chịu trách nhiệm: ", q.ResponsibleUnitName));
            }

            if (d.Conference is { } conf && (conf.Resolutions.Count > 0 || conf.Candidates.Count > 0))
            {
                body.Append(Heading($"{Roman(section++)}. BIỂU QUYẾT VÀ BẦU CỬ"));
                foreach (var r in conf.Resolutions)
                    body.Append(Line(r.Title + ": ", $"tán thành {r.For}, không tán thành {r.Against}, không biểu quyết {r.Abstain} — {(r.Passed ? "được thông qua" : "không được thông qua")}."));
                if (conf.Candidates.Count > 0) body.Append(Plain("Bầu Ban Thanh tra nhân dân:"));
                foreach (var cand in conf.Candidates)
                    body.Append(Line(cand.Name + ": ", $"{cand.Votes} phiếu — {(cand.Elected ? "trúng cử" : "không trúng cử")}."));
            }

            body.Append(Heading($"{Roman(section++)}. NHIỆM VỤ GIAO SAU ĐỐI THOẠI"));
            if (d.FollowUps.Count == 0) body.Append(Plain("Không có."));
            foreach (var f in d.FollowUps)
                body.Append(Line(f.Title, $" — {(f.HandedTo.Count > 0 ? string.Join(", ", f.HandedTo) + " chủ trì; " : "")}hạn {f.Deadline:dd/MM/yyyy}."));

            body.Append(Heading($"{Roman(section)}. KẾT LUẬN"));
            body.Append(Plain(d.Conclusion ?? ""));
            body.Append(Signatures(d.ChairName));
            body.Append(new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Header(string unitName, string? parentName)
    {
        var left = new List<Paragraph>();
        if (parentName is not null) left.Add(Para(JustificationValues.Center, Text(parentName.ToUpperInvariant())));
        left.Add(Para(JustificationValues.Center, Text(unitName.ToUpperInvariant(), bold: true)));
        left.Add(Para(JustificationValues.Center, Text("Số:      /BB")));
        return TwoColumns(left,
        [
            Para(JustificationValues.Center, Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true)),
            Para(JustificationValues.Center, Text("Độc lập - Tự do - Hạnh phúc", bold: true, underline: true)),
        ]);
    }

    private static Table Signatures(string chairName) => TwoColumns(
        [Para(JustificationValues.Center, Text("THƯ KÝ", bold: true)), Para(JustificationValues.Center, Text("(Ký, ghi rõ họ tên)", italic: true))],
        [Para(JustificationValues.Center, Text("CHỦ TRÌ", bold: true)), Para(JustificationValues.Center, Text("(Ký, ghi rõ họ tên)", italic: true)),
         Para(JustificationValues.Center, Text("")), Para(JustificationValues.Center, Text("")), Para(JustificationValues.Center, Text(chairName, bold: true))]);


    private static Paragraph Heading(string text) => Para(JustificationValues.Left, Text(text, bold: true));

    private static Paragraph Line(string label, string value) => Para(JustificationValues.Both, Text(label, bold: true), Text(value));

    private static Paragraph Plain(string text) => Para(JustificationValues.Both, Text(text));



}

public sealed class DialogueMinutesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/dialogues/{id:guid}/minutes.docx", async (Guid id, IMediator mediator, CancellationToken ct) =>
        {
            var file = await mediator.Send(new DialogueMinutesQuery(id), ct);
            return Results.File(file.Content, DialogueMinutesHandler.ContentType, file.FileName);
        })
        .WithTags("Dialogues").WithSummary("The minutes (biên bản) as a .docx in the Vietnamese administrative layout (a draft until issued)")
        .Produces(StatusCodes.Status200OK, contentType: DialogueMinutesHandler.ContentType).WithTenantProblems();
}
