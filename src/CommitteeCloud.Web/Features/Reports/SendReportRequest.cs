using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Gửi yêu cầu báo cáo to chosen direct children: kind, period (derived from year and number for periodic kinds),
/// deadline and template (copied into the request). A recurring periodic request is issued, in the same transaction,
/// for this period and every later period of the year, each opening on the first day of its period's last month with
/// the same distance from the period's end to the deadline (ADR 0010).
/// </summary>
[RequirePermission(Permissions.ReportsManage)]
public sealed record SendReportRequestCommand(ReportKind Kind, int Year, int? Number, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly Deadline,
    Guid TemplateId, string? Subject, string? Guidance, Guid[] ChildTenantIds, bool Recurring = false) : ICommand<ReportBoard>;

public sealed class SendReportRequestValidator : AbstractValidator<SendReportRequestCommand>
{
    public SendReportRequestValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Loại báo cáo không hợp lệ.");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm không hợp lệ.");
        RuleFor(x => x.Deadline).NotEqual(default(DateOnly)).WithMessage("Hãy chọn hạn nộp báo cáo.");
        RuleFor(x => x.TemplateId).NotEqual(Guid.Empty).WithMessage("Hãy chọn mẫu báo cáo.");
        RuleFor(x => x.Subject).MaximumLength(ReportRequest.SubjectMaxLength).WithMessage("Trích yếu quá dài.");
        RuleFor(x => x.Guidance).MaximumLength(ReportTemplate.TextMaxLength).WithMessage("Hướng dẫn quá dài.");
        RuleFor(x => x.ChildTenantIds).NotEmpty().WithMessage("Hãy chọn ít nhất một đơn vị.")
            .Must(ids => ids.Length <= 1000).WithMessage("Tối đa 1.000 đơn vị mỗi yêu cầu.");
        RuleFor(x => x.Number).NotNull().WithMessage("Hãy chọn kỳ báo cáo.")
            .Must((x, n) => n >= 1 && n <= ReportPeriods.PeriodsInYear(x.Kind)).WithMessage("Kỳ báo cáo không hợp lệ.")
            .When(x => ReportPeriods.IsPeriodic(x.Kind) && x.Kind is ReportKind.Quarterly or ReportKind.SixMonth);
        RuleFor(x => x.PeriodFrom).NotNull().WithMessage("Hãy chọn từ ngày.").When(x => !ReportPeriods.IsPeriodic(x.Kind));
        RuleFor(x => x.PeriodTo).NotNull().WithMessage("Hãy chọn đến ngày.")
            .GreaterThanOrEqualTo(x => x.PeriodFrom).WithMessage("Đến ngày phải sau từ ngày.").When(x => !ReportPeriods.IsPeriodic(x.Kind));
        RuleFor(x => x.Recurring).Equal(false).WithMessage("Chỉ báo cáo định kỳ (quý, 6 tháng) mới lặp lại trong năm.")
            .When(x => x.Kind is not (ReportKind.Quarterly or ReportKind.SixMonth));
    }
}

public sealed class SendReportRequestHandler(AppDbContext db, ITenantContext context, TaskHandOffs children, ReportHandOffs handOffs, TimeProvider clock,
    IMediator mediator) : ICommandHandler<SendReportRequestCommand, ReportBoard>
{
    public async ValueTask<ReportBoard> Handle(SendReportRequestCommand command, CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        if (command.Deadline < today) throw new DomainRuleException("deadline", "Hạn nộp phải từ hôm nay trở đi.");
        var template = await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TemplateId, ct)
            ?? throw new DomainRuleException("templateId", "Mẫu báo cáo không tồn tại.");
        var recipients = new List<TenantInfo>();
        foreach (var id in command.ChildTenantIds.Distinct()) recipients.Add(await children.ChildAsync(id, "childTenantIds", ct));
        var actor = await db.ActorNameAsync(context, ct);
        var series = command.Recurring ? Guid.CreateVersion7() : (Guid?)null;

        var requests = new List<ReportRequest>();
        if (ReportPeriods.IsPeriodic(command.Kind))
        {
            var number = command.Number ?? 1;
            var (_, to) = ReportPeriods.Of(command.Kind, command.Year, number);
            var afterEnd = command.Deadline.DayNumber - to.DayNumber;
            var last = command.Recurring ? ReportPeriods.PeriodsInYear(command.Kind) : number;
            for (var n = number; n <= last; n++)
            {
                var (pFrom, pTo) = ReportPeriods.Of(command.Kind, command.Year, n);
                var opensOn = n == number ? today : Max(today, new DateOnly(pTo.Year, pTo.Month, 1));
                var deadline = n == number ? command.Deadline : Max(opensOn, DateOnly.FromDayNumber(pTo.DayNumber + afterEnd));
                requests.Add(New(n, pFrom, pTo, opensOn, deadline));
            }
        }
        else
        {
            requests.Add(New(null, command.PeriodFrom!.Value, command.PeriodTo!.Value, today, command.Deadline));
        }
        await handOffs.SendAsync(requests, recipients, actor, ct);
        return await mediator.Send(new GetReportRequestQuery(requests[0].Id), ct);

        ReportRequest New(int? n, DateOnly from, DateOnly to, DateOnly opensOn, DateOnly deadline)
        {
            var period = ReportPeriods.Name(command.Kind, command.Year, n, from, to);
            var subject = string.IsNullOrWhiteSpace(command.Subject) ? $"Kết quả công tác dân vận {period}" : $"{command.Subject.Trim()} {period}";
            return new ReportRequest(command.Kind, command.Year, n, from, to, opensOn, deadline, subject, command.Guidance, template.Id, template.Name,
                template.Sections, template.Indicators, series, null, actor, now);
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

public sealed class SendReportRequestEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/report-requests", (ReportRequestBody body, IMediator m, CancellationToken ct) =>
            m.Send(new SendReportRequestCommand(body.Kind ?? (ReportKind)(-1), body.Year ?? 0, body.Number, body.PeriodFrom, body.PeriodTo,
                body.Deadline ?? default, body.TemplateId ?? Guid.Empty, body.Subject, body.Guidance, body.ChildTenantIds ?? [], body.Recurring ?? false), ct))
        .WithTags("Reports").WithSummary("Send a report request (optionally recurring for the rest of the year) to direct child units")
        .Produces<ReportBoard>().WithCommandProblems();
}

public sealed record ReportRequestBody(ReportKind? Kind, int? Year, int? Number, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? Deadline,
    Guid? TemplateId, string? Subject, string? Guidance, Guid[]? ChildTenantIds, bool? Recurring);
