using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Directives;

/// <summary>Loại văn bản, in the order party documents rank them.</summary>
public enum DirectiveKind
{
    /// <summary>Nghị quyết.</summary>
    Resolution,
    /// <summary>Kết luận.</summary>
    Conclusion,
    /// <summary>Chỉ thị.</summary>
    Instruction,
    /// <summary>Kế hoạch.</summary>
    Plan,
    /// <summary>Công văn.</summary>
    OfficialLetter,
    /// <summary>Hướng dẫn.</summary>
    Guidance,
    /// <summary>Quyết định.</summary>
    Decision,
    /// <summary>Thông báo.</summary>
    Notice,
}

public enum DirectiveStatus
{
    /// <summary>Dự thảo: editable, nothing handed down.</summary>
    Draft,
    /// <summary>Đã ban hành: its tasks are with the recipients.</summary>
    Issued,
    /// <summary>Đã thu hồi: its open hand-offs were cancelled.</summary>
    Withdrawn,
    /// <summary>Văn bản đến: a copy of a parent's directive, received with its tasks; read-only here.</summary>
    Received,
}

/// <summary>
/// Văn bản chỉ đạo: a resolution, letter or plan whose numbered points become tasks. Drafted and edited in the
/// issuing tenant; issuing hands its tasks to the recipients (child tenants) in one transaction, and each recipient
/// also gets a read-only copy so that it can implement it with a directive of its own.
/// </summary>
public sealed class Directive : Entity, ITenantOwned, IVersioned
{
    public const int NumberMaxLength = 64;
    public const int TextMaxLength = 512;
    public const int BodyMaxLength = 100_000;

    private Directive() { }

    public Directive(DirectiveFields fields, DateTimeOffset now, Guid? createdBy)
    {
        Status = DirectiveStatus.Draft;
        CreatedAt = now;
        CreatedByUserId = createdBy;
        Apply(fields, now);
    }

    /// <summary>The recipient's copy of a parent's issued directive.</summary>
    /// <param name="attachmentFileIds">The recipient's own records of the source's attachments (same content, its tenant).</param>
    public static Directive ReceivedCopy(Directive source, string sourceTenantName, DateTimeOffset now, IReadOnlyList<Guid>? attachmentFileIds = null) => new()
    {
        AttachmentFileIds = [.. attachmentFileIds ?? []],
        Kind = source.Kind,
        Number = source.Number,
        IssueDate = source.IssueDate,
        IssuePlace = source.IssuePlace,
        IssuingBody = string.IsNullOrWhiteSpace(source.IssuingBody) ? sourceTenantName : source.IssuingBody,
        Signer = source.Signer,
        SignerCapacity = source.SignerCapacity,
        Subject = source.Subject,
        Body = source.Body,
        ImplementsReference = source.ImplementsReference,
        Status = DirectiveStatus.Received,
        SourceTenantId = source.TenantId,
        SourceDirectiveId = source.Id,
        SourceTenantName = sourceTenantName,
        CreatedAt = now,
        UpdatedAt = now,
        IssuedAt = source.IssuedAt,
    };

    public Guid TenantId { get; private set; }
    public DirectiveKind Kind { get; private set; }

    /// <summary>Số, ký hiệu: "1866-CV/TU". Unique in the tenant.</summary>
    public string Number { get; private set; } = "";
    public DateOnly? IssueDate { get; private set; }
    public string? IssuePlace { get; private set; }

    /// <summary>Cơ quan ban hành ("Ban Thường vụ Tỉnh ủy").</summary>
    public string IssuingBody { get; private set; } = "";
    public string? Signer { get; private set; }

    /// <summary>Thẩm quyền ký ("T/M Ban Thường vụ, Phó Bí thư Thường trực").</summary>
    public string? SignerCapacity { get; private set; }

    /// <summary>Trích yếu ("V/v tăng cường ... công tác dân vận của cơ quan Nhà nước các cấp").</summary>
    public string Subject { get; private set; } = "";
    public string? Body { get; private set; }

    /// <summary>The higher document implemented, as written ("Kết luận số 114-KL/TW, ngày 14/7/2015").</summary>
    public string? ImplementsReference { get; private set; }

    /// <summary>The received copy (in this tenant) of the parent's directive implemented, if any.</summary>
    public Guid? ImplementsDirectiveId { get; private set; }

    /// <summary>Nơi nhận: child tenants that get the tasks.</summary>
    public List<Guid> RecipientTenantIds { get; private set; } = [];
    public List<Guid> AttachmentFileIds { get; private set; } = [];
    public DirectiveStatus Status { get; private set; }
    public Guid? SourceTenantId { get; private set; }
    public Guid? SourceDirectiveId { get; private set; }
    public string? SourceTenantName { get; private set; }

    /// <summary>The Idempotency-Key the issue request carried: a retry with it answers the same, a different one conflicts.</summary>
    public string? IssueKey { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public Guid? IssuedByUserId { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Edit(DirectiveFields fields, DateTimeOffset now)
    {
        if (Status != DirectiveStatus.Draft)
            throw new DomainRuleException("status", "Chỉ sửa được văn bản đang dự thảo.");
        Apply(fields, now);
    }

    public void MarkIssued(string? issueKey, Guid? userId, DateOnly today, DateTimeOffset now)
    {
        if (Status != DirectiveStatus.Draft)
            throw new DomainRuleException("status", "Văn bản đã được ban hành hoặc thu hồi.");
        if (RecipientTenantIds.Count == 0)
            throw new DomainRuleException("recipientTenantIds", "Văn bản phải có ít nhất một nơi nhận.");
        Status = DirectiveStatus.Issued;
        IssueKey = issueKey;
        IssuedAt = now;
        IssuedByUserId = userId;
        IssueDate ??= today;
        UpdatedAt = now;
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        if (Status != DirectiveStatus.Issued)
            throw new DomainRuleException("status", "Chỉ thu hồi được văn bản đã ban hành.");
        Status = DirectiveStatus.Withdrawn;
        WithdrawReason = reason.Trim();
        WithdrawnAt = now;
        UpdatedAt = now;
    }

    private void Apply(DirectiveFields f, DateTimeOffset now)
    {
        Kind = f.Kind;
        Number = f.Number.Trim();
        IssueDate = f.IssueDate;
        IssuePlace = Clean(f.IssuePlace);
        IssuingBody = f.IssuingBody.Trim();
        Signer = Clean(f.Signer);
        SignerCapacity = Clean(f.SignerCapacity);
        Subject = f.Subject.Trim();
        Body = Clean(f.Body);
        ImplementsReference = Clean(f.ImplementsReference);
        ImplementsDirectiveId = f.ImplementsDirectiveId;
        RecipientTenantIds = [.. f.RecipientTenantIds.Distinct()];
        AttachmentFileIds = [.. f.AttachmentFileIds.Distinct()];
        UpdatedAt = now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What an officer types into the directive editor.</summary>
public sealed record DirectiveFields(
    DirectiveKind Kind, string Number, DateOnly? IssueDate, string? IssuePlace, string IssuingBody, string? Signer,
    string? SignerCapacity, string Subject, string? Body, string? ImplementsReference, Guid? ImplementsDirectiveId,
    IReadOnlyList<Guid> RecipientTenantIds, IReadOnlyList<Guid> AttachmentFileIds);
