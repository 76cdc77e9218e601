using System.IO.Compression;
using System.Text;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Features.Files;

namespace CommitteeCloud.UnitTests.Files;

public sealed class FileTypesShould
{
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(content);
            }
        }
        return memory.ToArray();
    }

    private static byte[] Docx => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
    private static byte[] Xlsx => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));
    private static byte[] Pptx => Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<presentation/>"));
    private static byte[] Odt => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>"));
    private static byte[] Ods => Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>"));

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "Báo cáo.pdf", "%PDF-1.4\n%âãÏÓ\n"u8.ToArray(), "application/pdf" },
        { "BIEN-BAN.PDF", "%PDF-2.0\n"u8.ToArray(), "application/pdf" },
        { "ke-hoach.docx", Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "so-lieu.xlsx", Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "trinh-chieu.pptx", Pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "cu.doc", Ole2, "application/msword" },
        { "cu.xls", Ole2, "application/vnd.ms-excel" },
        { "van-ban.odt", Odt, "application/vnd.oasis.opendocument.text" },
        { "bang-tinh.ods", Ods, "application/vnd.oasis.opendocument.spreadsheet" },
        { "anh.jpg", Jpeg, "image/jpeg" },
        { "anh.JPEG", Jpeg, "image/jpeg" },
        { "anh.png", Png, "image/png" },
        { "ghi-chu.txt", Encoding.UTF8.GetBytes("Dân vận khéo thì việc gì cũng xong.\r\n"), "text/plain" },
        { "utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Dân vận")], "text/plain" },
        // TCVN3 (ABC), 8-bit: still text.
        { "tcvn3.txt", [0x44, 0xA9, 0x6E, 0x20, 0x76, 0xA9, 0x6E, 0x0D, 0x0A], "text/plain" },
        { "danh-sach.csv", "STT;Họ tên\n1;Nguyễn Văn A\n"u8.ToArray(), "text/csv" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accept_an_allowed_type_whose_content_matches(string fileName, byte[] content, string contentType) =>
        Assert.Equal(contentType, FileTypes.Check(fileName, new MemoryStream(content)));

    [Theory]
    [InlineData("setup.exe", ".exe")]
    [InlineData("trang.html", ".html")]
    [InlineData("trang.HTM", ".htm")]
    [InlineData("logo.svg", ".svg")]
    [InlineData("app.js", ".js")]
    [InlineData("chay.bat", ".bat")]
    [InlineData("nen.zip", ".zip")]
    [InlineData("macro.docm", ".docm")]
    [InlineData("khong-duoi", "(không có phần mở rộng)")]
    public void Refuse_a_type_not_on_the_list_naming_it(string fileName, string shown)
    {
        var error = Assert.Throws<DomainRuleException>(() => FileTypes.Check(fileName, new MemoryStream("%PDF-1.4"u8.ToArray())));
        Assert.Equal("file", error.Field);
        Assert.StartsWith($"Loại tệp không được phép: {shown}. Chỉ nhận PDF, Word", error.Message);
    }

    public static TheoryData<string, byte[]> Disguised => new()
    {
        { "bao-cao.pdf", Exe },
        { "bao-cao.docx", Exe },
        { "anh.jpg", Png },
        { "anh.png", Exe },
        { "cu.doc", Exe },
        { "ghi-chu.txt", Exe },
        // A zip named .docx, or a workbook named .docx.
        { "ke-hoach.docx", Zip(("setup.exe", "MZ")) },
        { "ke-hoach.docx", Xlsx },
        { "van-ban.odt", Ods },
        { "bao-cao.pdf", [] },
        { "hong.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01] },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public void Refuse_an_allowed_name_on_other_content(string fileName, byte[] content)
    {
        var error = Assert.Throws<DomainRuleException>(() => FileTypes.Check(fileName, new MemoryStream(content)));
        Assert.Equal("file", error.Field);
        Assert.Contains($"Nội dung tệp không đúng định dạng {Path.GetExtension(fileName)}", error.Message);
    }

    [Fact]
    public void Refuse_an_empty_file_and_one_over_the_limit_naming_the_limit()
    {
        const long max = 20 * 1024 * 1024;
        FileTypes.CheckSize(max, max);
        Assert.Equal("Tệp rỗng.", Assert.Throws<DomainRuleException>(() => FileTypes.CheckSize(0, max)).Message);
        var tooLarge = Assert.Throws<DomainRuleException>(() => FileTypes.CheckSize(max + 1, max));
        Assert.Equal("file", tooLarge.Field);
        Assert.Equal("Tệp vượt quá dung lượng cho phép (20 MB).", tooLarge.Message);
    }

    [Theory]
    [InlineData(20L * 1024 * 1024, "20 MB")]
    [InlineData(1536L * 1024, "1,5 MB")]
    [InlineData(500L * 1024, "500 KB")]
    [InlineData(999L, "999 byte")]
    public void Write_sizes_the_Vietnamese_way(long bytes, string expected) => Assert.Equal(expected, FileTypes.FormatSize(bytes));

    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("image/png", "image/png")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("text/plain", "application/octet-stream")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream")]
    public void Serve_only_pdf_and_images_with_their_own_type(string stored, string served) =>
        Assert.Equal(served, FileTypes.ServedContentType(stored));
}
