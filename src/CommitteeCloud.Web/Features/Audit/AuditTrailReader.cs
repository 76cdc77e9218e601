using System.Text.Json;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Platform;
using CommitteeCloud.Web.Platform.Auditing;

namespace CommitteeCloud.Web.Features.Audit;

/// <summary>What the audit view filters on (every filter optional). Dates are Vietnamese dates, both ends included.</summary>
public sealed record AuditFilter(
    string? Unit = null, Guid? UserId = null, string? EntityType = null, string? EntityId = null, string? Action = null, string? Operation = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>One field's change, as a reader reads it: the values as text, empty when there was none.</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

/// <summary>
/// One entry: who (their name; none for an anonymous submission or a system job), when, through which request, what
/// changed. The trace id is never shown: for an anonymous submission it is not even stored.
/// </summary>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset OccurredAt, Guid? UserId, string? UserName, string Operation, string EntityType, string EntityId, string Action,
    string Changes, IReadOnlyList<AuditFieldChange> Fields);

/// <summary>
/// Reads an audit trail: the current unit's own, or, for a supervisor (audit.view and subtree.view), that of a unit
/// below, reached through <see cref="SubtreeAccess"/> (anything else is a 404) and read acting in that unit's tenant,
/// so row-level security still shows that unit's rows only. That read is itself written to the reader's own trail.
/// </summary>
public sealed class AuditTrailReader(AppDbContext db, ITenantContext context, PermissionService permissions, AuditScope audit)
{
    public const int MaxTake = 500;

    /// <summary>Runs <paramref name="read"/> over the filtered entries of the unit the filter names (own unit by default).</summary>
    public async Task<T> ReadAsync<T>(AuditFilter filter, string operation, Func<IQueryable<AuditEntry>, Task<T>> read, CancellationToken ct)
    {
        var current = context.Tenant ?? throw new TenantRequiredException();
        if (string.IsNullOrWhiteSpace(filter.Unit) || Domain.Tenants.Tenant.NormalizeCode(filter.Unit) == current.Code)
            return await read(Filtered(filter));

        if ((await permissions.GetAsync(current.Id, context.UserId!.Value, ct))?.Contains(Permissions.SubtreeView) != true)
            throw new ForbiddenException(Platform.Errors.ProblemText.Forbidden);
        var unit = await db.FindDescendantAsync(context, filter.Unit, "unit", ct);
        audit.Operation ??= operation;
        db.RecordRead("AuditTrail", unit.Id.ToString(), new { unit = unit.Code, unitName = unit.Name, filter = filter with { Unit = null } });
        // Saved now, in the reader's own tenant, before anything of the unit is read: a failing read is recorded too.
        await using (await db.ActInTenantAsync(TenantInfo.From(unit), ct))
            return await read(Filtered(filter));
    }

    private IQueryable<AuditEntry> Filtered(AuditFilter f)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (f.UserId is { } user) entries = entries.Where(e => e.UserId == user);
        if (!string.IsNullOrWhiteSpace(f.EntityType)) entries = entries.Where(e => e.EntityType == f.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityId)) entries = entries.Where(e => e.EntityId == f.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(f.Action)) entries = entries.Where(e => e.Action == f.Action.Trim());
        if (!string.IsNullOrWhiteSpace(f.Operation)) entries = entries.Where(e => e.Operation == f.Operation.Trim());
        if (f.From is { } from) entries = entries.Where(e => e.OccurredAt >= StartOf(from));
        if (f.To is { } to) entries = entries.Where(e => e.OccurredAt < StartOf(to.AddDays(1)));
        return entries;
    }

    private static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime();

    /// <summary>The entries with the names of the people who made them (accounts are global; names are read by id).</summary>
    public async Task<IReadOnlyList<AuditEntryDto>> WithNamesAsync(IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return [.. rows.Select(r => new AuditEntryDto(r.Id, r.OccurredAt, r.UserId, r.UserId is { } u ? names.GetValueOrDefault(u) : null,
            r.Operation, r.EntityType, r.EntityId, r.Action, r.Changes, FieldsOf(r.Changes)))];
    }

    /// <summary><c>{"field": {"before": x, "after": y}}</c> as rows; anything else (a read's details) as one row per property.</summary>
    public static IReadOnlyList<AuditFieldChange> FieldsOf(string changes)
    {
        try
        {
            using var doc = JsonDocument.Parse(changes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            var list = new List<AuditFieldChange>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("before", out var before) && p.Value.TryGetProperty("after", out var after))
                    list.Add(new AuditFieldChange(p.Name, Text(before), Text(after)));
                else
                    list.Add(new AuditFieldChange(p.Name, null, Text(p.Value)));
            }
            return list;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "có",
        JsonValueKind.False => "không",
        _ => value.GetRawText(),
    };
}

public sealed class AuditFilterValidator : AbstractValidator<AuditFilter>
{
    public AuditFilterValidator()
    {
        RuleFor(x => x.Unit).MaximumLength(64).WithMessage("Mã đơn vị không hợp lệ.");
        RuleFor(x => x.EntityType).MaximumLength(128).WithMessage("Loại đối tượng tối đa 128 ký tự.");
        RuleFor(x => x.EntityId).MaximumLength(128).WithMessage("Mã đối tượng tối đa 128 ký tự.");
        RuleFor(x => x.Action).Must(a => a is null or "Added" or "Modified" or "Deleted" or "Read")
            .WithMessage("Thao tác phải là Added, Modified, Deleted hoặc Read.");
        RuleFor(x => x.Operation).MaximumLength(128).WithMessage("Tên thao tác tối đa 128 ký tự.");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        RuleFor(x => x.From).Must(d => d!.Value.Year is >= 2000 and <= 2100).When(x => x.From is not null).WithMessage("Ngày bắt đầu không hợp lệ.");
        RuleFor(x => x.To).Must(d => d!.Value.Year is >= 2000 and <= 2100).When(x => x.To is not null).WithMessage("Ngày kết thúc không hợp lệ.");
    }
}
