using System.Globalization;
using System.IO.Compression;
using System.Text;
using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Features.Files;

/// <summary>
/// What may be uploaded as evidence: office documents, PDF, JPG/PNG photos and plain text, up to a size. A file
/// passes only when its extension is on the list <b>and</b> its first bytes are what that extension promises, so an
/// executable renamed <c>.pdf</c> is refused. Scripts, web pages (<c>.html</c>, <c>.svg</c>), archives and
/// programs are never accepted. Every refusal is a 400 on the field <c>file</c> with a message for the person.
/// </summary>
public static class FileTypes
{
    public const string Field = "file";

    private enum Signature { Pdf, Png, Jpeg, Ole2, WordXml, ExcelXml, PowerPointXml, OdfText, OdfSpreadsheet, Text }

    private sealed record Allowed(string ContentType, Signature Signature);

    private static readonly Dictionary<string, Allowed> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", Signature.Pdf),
        [".doc"] = new("application/msword", Signature.Ole2),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signature.WordXml),
        [".xls"] = new("application/vnd.ms-excel", Signature.Ole2),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signature.ExcelXml),
        [".ppt"] = new("application/vnd.ms-powerpoint", Signature.Ole2),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", Signature.PowerPointXml),
        [".odt"] = new("application/vnd.oasis.opendocument.text", Signature.OdfText),
        [".ods"] = new("application/vnd.oasis.opendocument.spreadsheet", Signature.OdfSpreadsheet),
        [".jpg"] = new("image/jpeg", Signature.Jpeg),
        [".jpeg"] = new("image/jpeg", Signature.Jpeg),
        [".png"] = new("image/png", Signature.Png),
        [".txt"] = new("text/plain", Signature.Text),
        [".csv"] = new("text/csv", Signature.Text),
    };

    /// <summary>Types a browser may show inline safely; everything else is served as <c>application/octet-stream</c>.</summary>
    private static readonly HashSet<string> ServedAsIs = ["application/pdf", "image/jpeg", "image/png"];

    public static IReadOnlyList<string> AllowedExtensions { get; } = [.. ByExtension.Keys];

    public const string AllowedSummary =
        "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), PowerPoint (.ppt, .pptx), OpenDocument (.odt, .ods), ảnh JPG/PNG và văn bản .txt/.csv";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static DomainRuleException Missing() =>
        new(Field, "Chưa chọn tệp: gửi tệp trong trường \"file\" của biểu mẫu multipart/form-data.");

    public static DomainRuleException TooLarge(long maxBytes) =>
        new(Field, $"Tệp vượt quá dung lượng cho phép ({FormatSize(maxBytes)}).");

    /// <summary>Refuses an empty file or one larger than <paramref name="maxBytes"/>.</summary>
    public static void CheckSize(long size, long maxBytes)
    {
        if (size <= 0) throw new DomainRuleException(Field, "Tệp rỗng.");
        if (size > maxBytes) throw TooLarge(maxBytes);
    }

    /// <summary>
    /// The content type of <paramref name="fileName"/> when its extension is allowed and <paramref name="content"/>
    /// (read from its start; left wherever the check stopped) matches it; otherwise a refusal naming the extension.
    /// </summary>
    public static string Check(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName);
        if (string.IsNullOrEmpty(extension) || !ByExtension.TryGetValue(extension, out var allowed))
        {
            var shown = string.IsNullOrEmpty(extension) ? "(không có phần mở rộng)" : extension.ToLowerInvariant();
            throw new DomainRuleException(Field, $"Loại tệp không được phép: {shown}. Chỉ nhận {AllowedSummary}.");
        }
        if (!Matches(allowed.Signature, content))
            throw new DomainRuleException(Field,
                $"Nội dung tệp không đúng định dạng {extension.ToLowerInvariant()} (tệp hỏng hoặc bị đổi phần mở rộng). Chỉ nhận {AllowedSummary}.");
        return allowed.ContentType;
    }

    /// <summary>The Content-Type a download is sent with: the checked type for PDF and images, octet-stream for the rest.</summary>
    public static string ServedContentType(string contentType) =>
        ServedAsIs.Contains(contentType) ? contentType : "application/octet-stream";

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Format(Vietnamese, "{0:0.#} MB", bytes / (1024d * 1024)),
        >= 1024 => string.Format(Vietnamese, "{0:0.#} KB", bytes / 1024d),
        _ => string.Format(Vietnamese, "{0} byte", bytes),
    };

    private static bool Matches(Signature signature, Stream content)
    {
        var head = new byte[8192];
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        return signature switch
        {
            Signature.Pdf => bytes.StartsWith("%PDF-"u8),
            Signature.Png => bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            Signature.Jpeg => bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            Signature.Ole2 => bytes.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }),
            Signature.WordXml => IsZip(bytes) && ZipHas(content, "word/", null),
            Signature.ExcelXml => IsZip(bytes) && ZipHas(content, "xl/", null),
            Signature.PowerPointXml => IsZip(bytes) && ZipHas(content, "ppt/", null),
            Signature.OdfText => IsZip(bytes) && ZipHas(content, null, "application/vnd.oasis.opendocument.text"),
            Signature.OdfSpreadsheet => IsZip(bytes) && ZipHas(content, null, "application/vnd.oasis.opendocument.spreadsheet"),
            Signature.Text => IsText(bytes),
            _ => false,
        };
    }

    private static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>
    /// An Office Open XML package has <c>[Content_Types].xml</c> and its application's folder; an OpenDocument one a
    /// <c>mimetype</c> entry naming its type. Only the directory and that tiny entry are read.
    /// </summary>
    private static bool ZipHas(Stream content, string? folder, string? mimetype)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (folder is not null)
                return zip.GetEntry("[Content_Types].xml") is not null
                       && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
            var entry = zip.GetEntry("mimetype");
            if (entry is null || entry.Length > 256) return false;
            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() == mimetype;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// Plain text in any encoding Vietnamese offices use (UTF-8, UTF-16 with its mark, the old 8-bit TCVN3, VNI or
    /// VISCII, which put letters on control codes): no NUL byte, which every binary format (a program's header
    /// first) has early on.
    /// </summary>
    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return false;
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return bytes.Length % 2 == 0;
        return !bytes.Contains((byte)0);
    }
}
