using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform;
using MiniExcelLibs;

namespace CommitteeCloud.Web.Features.Audit;

/// <summary>Xuất nhật ký: the filtered entries (newest first, at most <see cref="MaxRows"/>) as an .xlsx sheet.</summary>
[RequirePermission(Permissions.AuditView)]
public sealed record ExportAuditEntriesQuery(AuditFilter Filter) : IQuery<AuditExport>;

public sealed record AuditExport(byte[] Content, string FileName, int Rows);

public sealed class ExportAuditEntriesValidator : AbstractValidator<ExportAuditEntriesQuery>
{
    public ExportAuditEntriesValidator() => RuleFor(x => x.Filter).NotNull().SetValidator(new AuditFilterValidator());
}

public sealed class ExportAuditEntriesHandler(AuditTrailReader reader, ITenantContext context, TimeProvider clock) : IQueryHandler<ExportAuditEntriesQuery, AuditExport>
{
    public const int MaxRows = 20_000;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async ValueTask<AuditExport> Handle(ExportAuditEntriesQuery query, CancellationToken ct)
    {
        var entries = await reader.ReadAsync(query.Filter, nameof(ExportAuditEntriesQuery), async rows =>
            await reader.WithNamesAsync(await rows.OrderByDescending(e => e.Id).Take(MaxRows).ToListAsync(ct), ct), ct);
        var sheet = entries.Select(e => new Dictionary<string, object?>
        {
            ["Số"] = e.Id,
            ["Thời gian"] = e.OccurredAt.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm:ss"),
            ["Người thực hiện"] = e.UserName ?? (e.UserId is null ? "Ẩn danh / hệ thống" : e.UserId.ToString()),
            ["Thao tác"] = e.Operation,
            ["Loại đối tượng"] = e.EntityType,
            ["Mã đối tượng"] = e.EntityId,
            ["Hành động"] = AuditNames.Action(e.Action),
            ["Thay đổi"] = string.Join("\n", e.Fields.Select(AuditNames.Describe)),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "Nhật ký", excelType: ExcelType.XLSX, cancellationToken: ct);
        var unit = string.IsNullOrWhiteSpace(query.Filter.Unit) ? context.Tenant!.Code : query.Filter.Unit.Trim().ToLowerInvariant();
        return new AuditExport(stream.ToArray(), $"nhat-ky-{unit}-{clock.Today():yyyyMMdd}.xlsx", entries.Count);
    }
}

/// <summary>How the trail reads in Vietnamese.</summary>
public static class AuditNames
{
    public static string Action(string action) => action switch
    {
        "Added" => "Thêm mới",
        "Modified" => "Sửa",
        "Deleted" => "Xóa",
        "Read" => "Xem",
        _ => action,
    };

    public static string Describe(AuditFieldChange c) => (c.Before, c.After) switch
    {
        (null, null) => $"{c.Field}: (trống)",
        (null, var after) => $"{c.Field}: {after}",
        (var before, null) => $"{c.Field}: {before} → (trống)",
        var (before, after) => $"{c.Field}: {before} → {after}",
    };
}

public sealed class ExportAuditEntriesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/audit.xlsx", async (IMediator mediator, CancellationToken ct, string? unit, Guid? userId, string? entityType, string? entityId,
            string? action, string? operation, DateOnly? from, DateOnly? to) =>
        {
            var file = await mediator.Send(new ExportAuditEntriesQuery(new AuditFilter(unit, userId, entityType, entityId, action, operation, from, to)), ct);
            return Results.File(file.Content, ExportAuditEntriesHandler.ContentType, file.FileName);
        })
        .WithTags("Audit").WithSummary("The filtered audit trail as an .xlsx sheet (same filters as /audit)")
        .Produces(StatusCodes.Status200OK, contentType: ExportAuditEntriesHandler.ContentType).WithTenantProblems();
}
