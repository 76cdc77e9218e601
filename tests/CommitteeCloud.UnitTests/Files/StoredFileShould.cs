using CommitteeCloud.Domain.Files;

namespace CommitteeCloud.UnitTests.Files;

public sealed class StoredFileShould
{
    [Theory]
    [InlineData("Báo cáo.pdf", "Báo cáo.pdf")]
    [InlineData(@"C:\Users\canbo\Desktop\Biên bản.docx", "Biên bản.docx")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("  ke hoach .pdf. ", "ke hoach .pdf")]
    [InlineData("a\r\nContent-Type: text.pdf", "aContent-Type_ text.pdf")]
    [InlineData("hoa-don\u202Efdp.exe", "hoa-donfdp.exe")]
    [InlineData("bao\"cao<1>?.pdf", "bao_cao_1__.pdf")]
    [InlineData("", "tep-dinh-kem")]
    [InlineData("...", "tep-dinh-kem")]
    [InlineData(null, "tep-dinh-kem")]
    public void Keep_a_safe_name(string? given, string expected) => Assert.Equal(expected, StoredFile.SanitizeFileName(given));

    [Fact]
    public void Normalize_vietnamese_to_composed_form()
    {
        var decomposed = "Dân vận.pdf".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("Dân vận.pdf", StoredFile.SanitizeFileName(decomposed));
    }

    [Fact]
    public void Cut_a_long_name_to_255_characters_keeping_the_extension()
    {
        var name = StoredFile.SanitizeFileName(new string('ệ', 400) + ".xlsx");
        Assert.Equal(StoredFile.FileNameMaxLength, name.Length);
        Assert.EndsWith("ệ.xlsx", name);
    }

    [Fact]
    public void Copy_to_another_tenant_as_a_new_row_on_the_same_content()
    {
        var original = new StoredFile(new string('a', 64), 42, "application/pdf", "a.pdf", Guid.NewGuid(), "Người tải", DateTimeOffset.UnixEpoch);
        var copy = StoredFile.CopyOf(original.Meta);
        Assert.NotEqual(original.Id, copy.Id);
        Assert.Equal((original.Sha256, original.Size, original.FileName, original.UploadedByUserId, original.UploadedAt),
            (copy.Sha256, copy.Size, copy.FileName, copy.UploadedByUserId, copy.UploadedAt));
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("../../../../etc/passwd")]
    public void Refuse_a_key_that_is_not_a_sha256(string sha256) =>
        Assert.Throws<ArgumentException>(() => new StoredFile(sha256, 1, "text/plain", "a.txt", Guid.NewGuid(), "x", DateTimeOffset.UnixEpoch));
}
