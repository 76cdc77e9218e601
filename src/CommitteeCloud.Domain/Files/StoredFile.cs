using System.Globalization;
using System.Text;
using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Files;

/// <summary>
/// Tệp minh chứng / tệp đính kèm: a file a unit uploaded as evidence (a decision scan, a report, a photo). The row
/// belongs to one tenant; the bytes live once in the blob store under their SHA-256, so the same content uploaded
/// twice, or reported up to a parent unit, is stored once.
/// </summary>
public sealed class StoredFile : Entity, ITenantOwned
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 128;
    public const int UploadedByNameMaxLength = 256;

    private StoredFile() { }

    public StoredFile(string sha256, long size, string contentType, string fileName, Guid uploadedByUserId, string uploadedByName, DateTimeOffset uploadedAt)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("A SHA-256 is 64 lowercase hexadecimal digits.", nameof(sha256));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Sha256 = sha256;
        Size = size;
        ContentType = contentType;
        FileName = SanitizeFileName(fileName);
        UploadedByUserId = uploadedByUserId;
        UploadedByName = uploadedByName.Length > UploadedByNameMaxLength ? uploadedByName[..UploadedByNameMaxLength] : uploadedByName;
        UploadedAt = uploadedAt;
    }

    public Guid TenantId { get; private set; }

    /// <summary>The content's key in the blob store: lowercase hexadecimal SHA-256.</summary>
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>The type checked on upload (extension and content agree), never the one the client claimed.</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>The name the person gave it, made safe to show and to send back in a download.</summary>
    public string FileName { get; private set; } = "";
    public Guid UploadedByUserId { get; private set; }
    public string UploadedByName { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>What another tenant needs to record the same evidence (a unit's report read by its parent).</summary>
    public FileMeta Meta => new(Id, Sha256, Size, ContentType, FileName, UploadedByUserId, UploadedByName, UploadedAt);

    /// <summary>
    /// The same evidence recorded in the tenant acting now, pointing at the same content (no bytes are copied):
    /// how a file reported by a child unit becomes readable in its parent.
    /// </summary>
    public static StoredFile CopyOf(FileMeta meta) =>
        new(meta.Sha256, meta.Size, meta.ContentType, meta.FileName, meta.UploadedByUserId, meta.UploadedByName, meta.UploadedAt);

    /// <summary>
    /// The last segment of a client's path, in NFC, without control or invisible formatting characters (a
    /// right-to-left override can disguise <c>exe.pdf</c>), without characters file systems refuse, trimmed, at
    /// most <see cref="FileNameMaxLength"/> characters with the extension kept. Never empty.
    /// </summary>
    public static string SanitizeFileName(string? name)
    {
        var raw = (name ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var clean = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned) continue;
            clean.Append(c is '"' or '<' or '>' or ':' or '|' or '?' or '*' ? '_' : char.IsWhiteSpace(c) ? ' ' : c);
        }
        var result = clean.ToString().Trim().TrimEnd('.').Trim();
        if (result.Length == 0 || result.All(c => c == '.')) result = "tep-dinh-kem";
        if (result.Length > FileNameMaxLength)
        {
            var dot = result.LastIndexOf('.');
            var extension = dot > 0 && result.Length - dot <= 16 ? result[dot..] : "";
            var stem = result[..(FileNameMaxLength - extension.Length)];
            // Never cut a surrogate pair in half.
            if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
            result = stem.TrimEnd() + extension;
        }
        return result;
    }
}

/// <summary>A stored file as carried between tenants in events and hand-offs: enough to record it again.</summary>
public sealed record FileMeta(
    Guid Id, string Sha256, long Size, string ContentType, string FileName, Guid UploadedByUserId, string UploadedByName, DateTimeOffset UploadedAt);
