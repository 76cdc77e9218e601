using System.Security.Cryptography;
using System.Text;
using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Suggestions;

/// <summary>
/// Một góp ý gửi vào hòm thư góp ý của đơn vị: feedback from a member of the unit, named or anonymous, routed to a
/// responsible person, answered, and optionally published to the unit.
/// <para>
/// An anonymous suggestion holds nothing that identifies its sender or the moment it was sent: no person, no
/// contact, a random (v4, not time-ordered) id, and dates only (Vietnam dates) throughout. Its sender follows it with
/// a receipt code shown once; only the code's SHA-256 is stored. See docs/adr/0007-anonymous-suggestions.md.
/// </para>
/// </summary>
public sealed class Suggestion : Entity, ITenantOwned, IAnonymousRecord
{
    public const int SubjectMaxLength = 200;
    public const int ContentMaxLength = 4000;
    public const int AnswerMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int NameMaxLength = 256;
    public const int ContactMaxLength = 128;

    private Suggestion() { }

    private Suggestion(string subject, string content, SuggestionCategory category, DateOnly today)
    {
        // v4, not the default v7: a v7 id carries the millisecond it was made.
        Id = Guid.NewGuid();
        Subject = Required(subject, "subject", SubjectMaxLength, "Tiêu đề");
        Content = Required(content, "content", ContentMaxLength, "Nội dung");
        if (!Enum.IsDefined(category)) throw new DomainRuleException("category", "Lĩnh vực góp ý không hợp lệ.");
        Category = category;
        ReceivedOn = today;
        Status = SuggestionStatus.Received;
        Revision = 1;
    }

    /// <summary>Gửi góp ý ẩn danh. Returns the receipt code, which exists nowhere else once the caller drops it.</summary>
    public static (Suggestion Suggestion, string ReceiptCode) SubmitAnonymous(string subject, string content, SuggestionCategory category, DateOnly today)
    {
        var code = ReceiptCode.New();
        var suggestion = new Suggestion(subject, content, category, today) { IsAnonymous = true, ReceiptCodeHash = ReceiptCode.Hash(code) };
        return (suggestion, code);
    }

    /// <summary>Gửi góp ý có tên: the sender follows it under "my suggestions" and is told when it is answered.</summary>
    public static Suggestion SubmitNamed(string subject, string content, SuggestionCategory category, DateOnly today,
        Guid authorUserId, string authorName, bool showNameWhenPublished, string? contactName, string? contactPhone, string? contactEmail)
    {
        if (authorUserId == Guid.Empty) throw new DomainRuleException("anonymous", "Góp ý có tên cần người gửi.");
        return new Suggestion(subject, content, category, today)
        {
            AuthorUserId = authorUserId,
            AuthorName = authorName.Trim(),
            ShowAuthorName = showNameWhenPublished,
            ContactName = Optional(contactName, "contactName", NameMaxLength),
            ContactPhone = Optional(contactPhone, "contactPhone", ContactMaxLength),
            ContactEmail = Optional(contactEmail, "contactEmail", ContactMaxLength),
        };
    }

    public Guid TenantId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Content { get; private set; } = "";
    public SuggestionCategory Category { get; private set; }
    public bool IsAnonymous { get; private set; }

    /// <summary>Null when anonymous.</summary>
    public Guid? AuthorUserId { get; private set; }
    public string? AuthorName { get; private set; }

    /// <summary>Whether a named sender lets their name appear when the suggestion is published.</summary>
    public bool ShowAuthorName { get; private set; }

    /// <summary>Whom to contact and how, if a named sender wants to be called back.</summary>
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }

    /// <summary>SHA-256 (hex) of the anonymous sender's receipt code (mã tra cứu); null when named.</summary>
    public string? ReceiptCodeHash { get; private set; }

    /// <summary>Ngày nhận: the Vietnam date only, never the time.</summary>
    public DateOnly ReceivedOn { get; private set; }
    public SuggestionStatus Status { get; private set; }

    /// <summary>Người được giao xử lý.</summary>
    public Guid? ResponsibleUserId { get; private set; }
    public string? ResponsibleName { get; private set; }
    public DateOnly? RoutedOn { get; private set; }

    public string? Answer { get; private set; }
    public Guid? AnsweredByUserId { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public string? CloseReason { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>
    /// Concurrency token kept by the domain (1, 2, 3 ...) instead of PostgreSQL's xmin: an xmin is a cluster-wide
    /// transaction number, and showing it would place the submission among everyone's other writes.
    /// </summary>
    public int Revision { get; private set; }

    public bool IsOpen => Status is SuggestionStatus.Received or SuggestionStatus.Routed;

    /// <summary>Whether a person (not a handler) may read it: their own named suggestion, or a published one.</summary>
    public bool IsVisibleTo(Guid userId) => Status == SuggestionStatus.Published || !IsAnonymous && AuthorUserId == userId;

    public bool Matches(string receiptCode) =>
        ReceiptCodeHash is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(ReceiptCodeHash), Encoding.ASCII.GetBytes(ReceiptCode.Hash(receiptCode)));

    /// <summary>Chuyển cho người xử lý (again if need be, while nobody has answered).</summary>
    public void Route(Guid responsibleUserId, string responsibleName, DateOnly today)
    {
        if (!IsOpen) throw new DomainRuleException("status", "Chỉ chuyển xử lý được góp ý chưa trả lời.");
        if (ResponsibleUserId == responsibleUserId) return;
        ResponsibleUserId = responsibleUserId;
        ResponsibleName = responsibleName;
        RoutedOn = today;
        Status = SuggestionStatus.Routed;
        Touch();
        Raise(new SuggestionRouted(Id, responsibleUserId));
    }

    /// <summary>Trả lời; an answer may be corrected until it is published.</summary>
    public void AnswerWith(string answer, Guid byUserId, string byName, DateOnly today)
    {
        if (!IsOpen && Status != SuggestionStatus.Answered)
            throw new DomainRuleException("status", "Góp ý đã công khai hoặc đã đóng, không sửa được câu trả lời.");
        Answer = Required(answer, "answer", AnswerMaxLength, "Nội dung trả lời");
        AnsweredByUserId = byUserId;
        AnsweredByName = byName;
        AnsweredOn = today;
        Status = SuggestionStatus.Answered;
        Touch();
        Raise(new SuggestionAnswered(Id));
    }

    /// <summary>Công khai: the question and its answer become visible to every member of the unit.</summary>
    public void Publish(DateOnly today)
    {
        if (Status != SuggestionStatus.Answered) throw new DomainRuleException("status", "Chỉ công khai được góp ý đã trả lời.");
        PublishedOn = today;
        Status = SuggestionStatus.Published;
        Touch();
        Raise(new SuggestionPublished(Id));
    }

    /// <summary>Đóng không trả lời, with the reason (trùng lặp, không thuộc thẩm quyền ...).</summary>
    public void Close(string reason, DateOnly today)
    {
        if (!IsOpen) throw new DomainRuleException("status", "Chỉ đóng được góp ý chưa trả lời.");
        CloseReason = Required(reason, "reason", ReasonMaxLength, "Lý do");
        ClosedOn = today;
        Status = SuggestionStatus.Closed;
        Touch();
        Raise(new SuggestionClosed(Id));
    }

    /// <summary>The sender's name as members may see it once published: never for anonymous ones, never unless allowed.</summary>
    public string? PublicAuthorName => !IsAnonymous && ShowAuthorName ? AuthorName : null;

    private void Touch() => Revision++;

    private static string Required(string? value, string field, int max, string label)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainRuleException(field, $"{label} không được để trống.");
        if (trimmed.Length > max) throw new DomainRuleException(field, $"{label} dài tối đa {max} ký tự.");
        return trimmed;
    }

    private static string? Optional(string? value, string field, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > max) throw new DomainRuleException(field, $"Dài tối đa {max} ký tự.");
        return trimmed;
    }
}

/// <summary>Lĩnh vực góp ý.</summary>
public enum SuggestionCategory
{
    /// <summary>Điều kiện làm việc.</summary>
    WorkingConditions,
    /// <summary>Phong cách lãnh đạo, điều hành.</summary>
    LeadershipStyle,
    /// <summary>Thủ tục hành chính.</summary>
    AdministrativeProcedures,
    /// <summary>Khác.</summary>
    Other,
}

public enum SuggestionStatus
{
    /// <summary>Đã tiếp nhận.</summary>
    Received,
    /// <summary>Đã chuyển xử lý.</summary>
    Routed,
    /// <summary>Đã trả lời.</summary>
    Answered,
    /// <summary>Đã công khai.</summary>
    Published,
    /// <summary>Đóng, không trả lời.</summary>
    Closed,
}

/// <summary>
/// Mã tra cứu: 16 characters from an unambiguous 32-letter alphabet (80 random bits), shown as XXXX-XXXX-XXXX-XXXX.
/// Guessing one is hopeless, so an unsalted hash is enough, and a lookup is one indexed equality.
/// </summary>
public static class ReceiptCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 16;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var s = new string(chars);
        return $"{s[..4]}-{s[4..8]}-{s[8..12]}-{s[12..]}";
    }

    /// <summary>Case, spaces and dashes do not matter.</summary>
    public static string Normalize(string code) =>
        new([.. code.ToUpperInvariant().Where(c => c is not ('-' or ' '))]);

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}
