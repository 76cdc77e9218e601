using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

public sealed record DirectiveListItem(
    Guid Id, DirectiveKind Kind, string Number, DateOnly? IssueDate, string IssuingBody, string Subject, DirectiveStatus Status,
    string? SourceTenantName, int TaskCount, int RecipientCount);

public sealed record RecipientDto(Guid TenantId, string Code, string Name);

public sealed record DirectivePointDto(
    Guid TaskId, int? PointNumber, string Title, string? Content, string? LeadUnitName, IReadOnlyList<string> CoordinatingUnitNames,
    IReadOnlyList<Guid> LeadTenantIds, IReadOnlyList<Guid> CoordinatingTenantIds, DeadlineKind DeadlineKind, DateOnly? DueDate,
    Recurrence? Recurrence, DateOnly? RecurFrom, DateOnly? RecurUntil, IReadOnlyList<DateOnly> ReviewDates, TaskPriority Priority,
    Guid? LeaderMembershipId, string? LeaderName, TaskState State, decimal Percent, Timeliness Timeliness, uint Version);

public sealed record DirectiveDetail(
    Guid Id, DirectiveKind Kind, string Number, DateOnly? IssueDate, string? IssuePlace, string IssuingBody, string? Signer,
    string? SignerCapacity, string Subject, string? Body, string? ImplementsReference, Guid? ImplementsDirectiveId,
    IReadOnlyList<RecipientDto> Recipients, IReadOnlyList<Guid> AttachmentFileIds, DirectiveStatus Status, string? SourceTenantName,
    DateTimeOffset? IssuedAt, string? WithdrawReason, IReadOnlyList<DirectivePointDto> Points, TimelinessCounts Counts, uint Version);

/// <summary>The directive editor's form: the document's fields; its points are edited one by one.</summary>
public sealed record DirectiveInput(
    DirectiveKind Kind, string Number, DateOnly? IssueDate, string? IssuePlace, string IssuingBody, string? Signer, string? SignerCapacity,
    string Subject, string? Body, string? ImplementsReference, Guid? ImplementsDirectiveId, Guid[]? RecipientTenantIds,
    Guid[]? AttachmentFileIds)
{
    public DirectiveFields ToFields() => new(Kind, Number, IssueDate, IssuePlace, IssuingBody, Signer, SignerCapacity, Subject, Body,
        ImplementsReference, ImplementsDirectiveId, RecipientTenantIds ?? [], AttachmentFileIds ?? []);
}

public sealed class DirectiveInputValidator : AbstractValidator<DirectiveInput>
{
    public DirectiveInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Number).NotEmpty().WithMessage("Hãy nhập số, ký hiệu văn bản.").MaximumLength(Directive.NumberMaxLength);
        RuleFor(x => x.IssuingBody).NotEmpty().WithMessage("Hãy nhập cơ quan ban hành.").MaximumLength(Directive.TextMaxLength);
        RuleFor(x => x.Subject).NotEmpty().WithMessage("Hãy nhập trích yếu.").MaximumLength(Directive.TextMaxLength * 2);
        RuleFor(x => x.Body).MaximumLength(Directive.BodyMaxLength);
        RuleFor(x => x.IssuePlace).MaximumLength(Directive.TextMaxLength);
        RuleFor(x => x.Signer).MaximumLength(Directive.TextMaxLength);
        RuleFor(x => x.SignerCapacity).MaximumLength(Directive.TextMaxLength);
        RuleFor(x => x.ImplementsReference).MaximumLength(Directive.TextMaxLength);
        RuleFor(x => x.RecipientTenantIds).Must(ids => ids is null || ids.Length <= 1000).WithMessage("Tối đa 1.000 nơi nhận.");
        RuleFor(x => x.AttachmentFileIds).Must(ids => ids is null || ids.Length <= 50);
    }
}

public static class DirectiveQueries
{
    public static async Task<Directive> FindDirectiveAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Directives.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("directive");

    /// <summary>Checks what the form names: recipients are direct children, the implemented directive is one received here.</summary>
    public static async Task CheckReferencesAsync(this DirectiveInput input, AppDbContext db, TaskHandOffs handOffs, CancellationToken ct)
    {
        foreach (var id in (input.RecipientTenantIds ?? []).Distinct()) await handOffs.ChildAsync(id, "recipientTenantIds", ct);
        await db.RequireFilesAsync(input.AttachmentFileIds, "attachmentFileIds", ct);
        if (input.ImplementsDirectiveId is { } implemented && !await db.Directives.AnyAsync(d => d.Id == implemented, ct))
            throw new Domain.Common.DomainRuleException("implementsDirectiveId", "Văn bản cấp trên không tồn tại.");
    }

    public static async Task EnsureNumberFreeAsync(this AppDbContext db, string number, Guid? except, CancellationToken ct)
    {
        var trimmed = number.Trim();
        if (await db.Directives.AnyAsync(d => d.Number == trimmed && d.Status != DirectiveStatus.Received && d.Id != except, ct))
            throw new ConflictException($"Số, ký hiệu {trimmed} đã được dùng cho văn bản khác của đơn vị.");
    }
}
