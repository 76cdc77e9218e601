using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Features.Files;
using CommitteeCloud.Web.Platform.Blobs;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;

namespace CommitteeCloud.IntegrationTests.Files;

/// <summary>Evidence files: upload, download as an attachment, limits, and the tenant walls around them.</summary>
public sealed class FilesShould(AppFixture app)
{
    private const long MaxBytes = BlobOptions.DefaultMaxBytes;

    /// <summary>A small PDF whose bytes are unique to the call, so tests never share a blob by accident.</summary>
    private static byte[] Pdf(string? marker = null) =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n% {marker ?? Guid.NewGuid().ToString()}\n1 0 obj << >> endobj\n%%EOF\n");

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string field = "file")
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { part, field, fileName } };
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private LocalDiskBlobStore Store => (LocalDiskBlobStore)app.Services.GetRequiredService<IBlobStore>();

    private static async Task<JsonElement> UploadAsync(HttpClient client, string tenant, byte[] bytes, string fileName)
    {
        var response = await client.PostAsync($"/t/{tenant}/api/files", Form(bytes, fileName));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<long> FilesInAsync(string tenant) =>
        app.AdminScalarAsync<long>($"SELECT count(*) FROM stored_files f JOIN tenants t ON t.id = f.tenant_id WHERE t.code = '{tenant}'");

    [Fact]
    public async Task Give_back_an_uploaded_file_as_a_safe_attachment()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var bytes = Pdf();

        var response = await a.PostAsync($"/t/{tree.ChildA}/api/files", Form(bytes, "Báo cáo quý I.pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = file.GetProperty("id").GetGuid();
        Assert.Equal($"/api/files/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Báo cáo quý I.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        Assert.Equal(Sha256(bytes), file.GetProperty("sha256").GetString());
        Assert.Equal($"Người dùng {tree.ASecretary}", file.GetProperty("uploadedByName").GetString());
        Assert.True(file.GetProperty("uploadedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        using var download = await a.GetAsync($"/t/{tree.ChildA}/api/files/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Báo cáo quý I.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        var meta = await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/files/{id}/meta");
        Assert.Equal(Sha256(bytes), meta.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Serve_an_office_document_as_octet_stream_to_any_member()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        var bytes = Encoding.UTF8.GetBytes($"Biên bản họp chi bộ {Guid.NewGuid()}\r\nDân vận khéo.\r\n");
        var file = await UploadAsync(staff, tree.ChildA, bytes, "bien-ban.txt");
        Assert.Equal("text/plain", file.GetProperty("contentType").GetString());

        using var secretary = await app.ClientForAsync(tree.ASecretary);
        using var download = await secretary.GetAsync($"/t/{tree.ChildA}/api/files/{file.GetProperty("id").GetGuid()}");
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Store_the_same_content_once_however_often_and_wherever_it_is_uploaded()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        using var b = await app.ClientForAsync(tree.BSecretary);
        var bytes = Pdf();

        var first = await UploadAsync(a, tree.ChildA, bytes, "quyet-dinh.pdf");
        var path = Store.PathOf(Sha256(bytes));
        Assert.True(File.Exists(path));
        Assert.Equal(Path.Combine(Store.Root, Sha256(bytes)[..2], Sha256(bytes)[2..4], Sha256(bytes)), path);
        var written = File.GetLastWriteTimeUtc(path);
        var second = await UploadAsync(a, tree.ChildA, bytes, "quyet-dinh (1).pdf");
        var elsewhere = await UploadAsync(b, tree.ChildB, bytes, "ban-sao.pdf");

        Assert.Equal(first.GetProperty("sha256").GetString(), second.GetProperty("sha256").GetString());
        Assert.Equal(first.GetProperty("sha256").GetString(), elsewhere.GetProperty("sha256").GetString());
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(2L, await FilesInAsync(tree.ChildA));
        Assert.Equal(1L, await FilesInAsync(tree.ChildB));
        // Same content, still separate files: B's row does not open A's.
        var bFile = elsewhere.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/t/{tree.ChildA}/api/files/{bFile}")).StatusCode);
    }

    [Fact]
    public async Task Refuse_a_file_over_the_limit_naming_the_limit()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var bytes = new byte[MaxBytes + 1];
        Pdf().CopyTo(bytes, 0);

        var problem = await (await a.PostAsync($"/t/{tree.ChildA}/api/files", Form(bytes, "qua-lon.pdf"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Tệp vượt quá dung lượng cho phép (20 MB)."], problem.FieldErrors("file"));
        Assert.Equal(0L, await FilesInAsync(tree.ChildA));
        Assert.False(File.Exists(Store.PathOf(Sha256(bytes))));
    }

    [Fact]
    public async Task Refuse_a_body_far_over_the_limit_with_the_same_clear_message()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var bytes = new byte[MaxBytes * 2];
        Pdf().CopyTo(bytes, 0);

        var problem = await (await a.PostAsync($"/t/{tree.ChildA}/api/files", Form(bytes, "rat-lon.pdf"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Tệp vượt quá dung lượng cho phép (20 MB)."], problem.FieldErrors("file"));
        Assert.Equal(0L, await FilesInAsync(tree.ChildA));
    }

    public static TheoryData<string, string, string> Disallowed => new()
    {
        { "setup.exe", "MZ", ".exe" },
        { "trang.html", "<html><script>alert(1)</script></html>", ".html" },
        { "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", ".svg" },
        { "app.js", "alert(1)", ".js" },
        { "khong-duoi", "%PDF-1.7", "(không có phần mở rộng)" },
        // An executable renamed: the name is allowed, the content is not a PDF.
        { "bao-cao.pdf", "MZ", "định dạng .pdf" },
    };

    [Theory]
    [MemberData(nameof(Disallowed))]
    public async Task Refuse_a_disallowed_type_or_a_disguised_one(string fileName, string start, string named)
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var bytes = start == "MZ" ? [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. Guid.NewGuid().ToByteArray()] : Encoding.UTF8.GetBytes(start);

        var problem = await (await a.PostAsync($"/t/{tree.ChildA}/api/files", Form(bytes, fileName))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.FieldErrors("file"));
        Assert.Contains(named, message);
        Assert.Contains("Chỉ nhận PDF, Word", message);
        Assert.Equal(0L, await FilesInAsync(tree.ChildA));
        Assert.False(File.Exists(Store.PathOf(Sha256(bytes))));
    }

    [Fact]
    public async Task Refuse_an_empty_file_or_a_form_without_one()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var empty = await (await a.PostAsync($"/t/{tree.ChildA}/api/files", Form([], "rong.pdf"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(empty.FieldErrors("file"));
        var wrongField = await (await a.PostAsync($"/t/{tree.ChildA}/api/files", Form(Pdf(), "a.pdf", field: "tep"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(wrongField.FieldErrors("file"));
        var json = await (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/files", new { file = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(json.FieldErrors("file"));
    }

    [Fact]
    public async Task Tell_the_limits()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.AStaff);
        var limits = await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/files/limits");
        Assert.Equal(MaxBytes, limits.GetProperty("maxBytes").GetInt64());
        Assert.Equal("20 MB", limits.GetProperty("maxSize").GetString());
        Assert.Contains(".docx", limits.GetProperty("allowedExtensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Describe_the_upload_in_the_api_reference()
    {
        using var client = app.Anonymous();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var body = doc.GetProperty("paths").GetProperty("/api/files").GetProperty("post").GetProperty("requestBody");
        var file = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("file");
        Assert.Equal("binary", file.GetProperty("format").GetString());
    }

    [Fact]
    public async Task Answer_404_for_an_unknown_id()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        await (await a.GetAsync($"/t/{tree.ChildA}/api/files/{Guid.CreateVersion7()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await a.GetAsync($"/t/{tree.ChildA}/api/files/{Guid.CreateVersion7()}/meta")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hide_a_unit_s_files_from_every_other_unit_and_from_nobody()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var id = (await UploadAsync(a, tree.ChildA, Pdf(), "mat.pdf")).GetProperty("id").GetGuid();

        foreach (var outsider in new[] { tree.BSecretary, tree.A1Member, tree.RootSecretary, tree.Stranger })
        {
            using var client = await app.ClientForAsync(outsider);
            await (await client.GetAsync($"/t/{tree.ChildA}/api/files/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/t/{tree.ChildA}/api/files/{id}/meta")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            var bytes = Pdf();
            await (await client.PostAsync($"/t/{tree.ChildA}/api/files", Form(bytes, "chen.pdf"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            Assert.False(File.Exists(Store.PathOf(Sha256(bytes))), $"{outsider}'s upload reached the store");
        }
        // In their own unit, the id of A's file is unknown too.
        using var b = await app.ClientForAsync(tree.BSecretary);
        await (await b.GetAsync($"/t/{tree.ChildB}/api/files/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        await (await root.GetAsync($"/t/{tree.Root}/api/files/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/t/{tree.ChildA}/api/files/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync($"/t/{tree.ChildA}/api/files", Form(Pdf(), "x.pdf"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1L, await FilesInAsync(tree.ChildA));
    }

    [Fact]
    public async Task Attach_only_files_of_the_current_unit()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        using var b = await app.ClientForAsync(tree.BSecretary);
        var aFile = (await UploadAsync(a, tree.ChildA, Pdf(), "a.pdf")).GetProperty("id").GetGuid();
        var bFile = (await UploadAsync(b, tree.ChildB, Pdf(), "b.pdf")).GetProperty("id").GetGuid();

        await using var scope = await ScopeInAsync(tree.ChildA, tree.ASecretary);
        var attachments = scope.ServiceProvider.GetRequiredService<FileAttachments>();
        var found = await attachments.RequireAsync([aFile, aFile], CancellationToken.None);
        Assert.Equal([aFile], found.Select(f => f.Id));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => attachments.RequireAsync([aFile, bFile], CancellationToken.None));
        Assert.Equal("fileIds", refused.Field);
        Assert.Equal("Tệp đính kèm không tồn tại.", refused.Message);
    }

    [Fact]
    public async Task Record_a_child_s_file_in_the_parent_without_copying_its_bytes()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var bytes = Pdf();
        var aFile = (await UploadAsync(a, tree.ChildA, bytes, "minh-chung.pdf")).GetProperty("id").GetGuid();

        Domain.Files.FileMeta meta;
        await using (var child = await ScopeInAsync(tree.ChildA, tree.ASecretary))
            meta = (await child.ServiceProvider.GetRequiredService<FileAttachments>().RequireAsync([aFile], CancellationToken.None))[0].Meta;
        Guid copyId;
        await using (var parent = await ScopeInAsync(tree.Root, tree.RootSecretary))
        {
            var copy = parent.ServiceProvider.GetRequiredService<FileAttachments>().CopyToCurrentTenant(meta);
            await parent.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            copyId = copy.Id;
        }

        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var download = await root.GetAsync($"/t/{tree.Root}/api/files/{copyId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("minh-chung.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(1L, await FilesInAsync(tree.Root));
    }

    private async Task<AsyncServiceScope> ScopeInAsync(string tenantCode, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantStore>().FindByCodeAsync(tenantCode, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant, await app.UserIdAsync(userName));
        return scope;
    }
}
