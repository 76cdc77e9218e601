using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Reports;

public sealed record IndicatorFigureInput(string? Key, decimal? Value, string? Note);

/// <summary>
/// Soạn báo cáo: section texts (by position), figures (by indicator key; a figure that differs from the one the
/// system computed needs a note, and both are kept) and the signing details. Claims the version the editor read
/// (409 when someone else saved in between). Editing an approved report sends it back for approval.
/// </summary>
[RequirePermission(Permissions.ReportsSubmit)]
public sealed record EditReportCommand(Guid Id, string?[] Sections, IndicatorFigureInput[] Indicators, string? DocumentNumber, string? Place,
    string? SignerName, string? SignerCapacity, uint? Version = null) : ICommand<ReportDetail>;

public sealed class EditReportValidator : AbstractValidator<EditReportCommand>
{
    public EditReportValidator()
    {
        RuleForEach(x => x.Sections).MaximumLength(Report.TextMaxLength).WithMessage("Nội dung quá dài.");
        RuleForEach(x => x.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Key).NotEmpty().WithMessage("Thiếu mã chỉ tiêu.");
            i.RuleFor(x => x.Value).GreaterThanOrEqualTo(0).WithMessage("Số liệu không được âm.");
            i.RuleFor(x => x.Note).MaximumLength(Report.NoteMaxLength).WithMessage("Ghi chú quá dài.");
        });
        RuleFor(x => x.DocumentNumber).MaximumLength(64).WithMessage("Số ký hiệu quá dài.");
        RuleFor(x => x.Place).MaximumLength(128).WithMessage("Địa danh quá dài.");
        RuleFor(x => x.SignerName).MaximumLength(ReportTemplate.NameMaxLength).WithMessage("Họ tên người ký quá dài.");
        RuleFor(x => x.SignerCapacity).MaximumLength(ReportTemplate.NameMaxLength).WithMessage("Thẩm quyền ký quá dài.");
    }
}

public sealed class EditReportHandler(AppDbContext db, TimeProvider clock, IEnumerable<IIndicatorSource> sources, IMediator mediator)
    : ICommandHandler<EditReportCommand, ReportDetail>
{
    public async ValueTask<ReportDetail> Handle(EditReportCommand command, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == command.Id, ct) ?? throw new NotFoundException("report");
        db.ExpectVersion(report, command.Version);
        if (report.State == ReportState.Submitted) throw new DomainRuleException("state", "Báo cáo đã gửi cấp trên, không sửa được (trừ khi bị trả lại).");
        // Computed figures are those of now, so that "differs from the computed figure" means what the editor saw.
        if (report.State != ReportState.Approved) await ReportFigures.PrefillAsync(report, sources, ct);
        report.Edit(new ReportDraft(command.Sections, [.. command.Indicators.Select(i => new IndicatorFigure(i.Key ?? "", i.Value, i.Note))],
            new ReportSignature(command.DocumentNumber, command.Place, command.SignerName, command.SignerCapacity)), clock.Today(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetReportQuery(report.Id), ct);
    }
}

public sealed class EditReportEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/reports/{id:guid}", (Guid id, EditReportBody body, IMediator m, CancellationToken ct) =>
            m.Send(new EditReportCommand(id, body.Sections ?? [], body.Indicators ?? [], body.DocumentNumber, body.Place, body.SignerName,
                body.SignerCapacity, body.Version), ct))
        .WithTags("Reports").WithSummary("Draft the unit's report: sections, figures (corrections need a note), signing details")
        .Produces<ReportDetail>().WithCommandProblems();
}

public sealed record EditReportBody(string?[]? Sections, IndicatorFigureInput[]? Indicators, string? DocumentNumber, string? Place, string? SignerName,
    string? SignerCapacity, uint? Version);
