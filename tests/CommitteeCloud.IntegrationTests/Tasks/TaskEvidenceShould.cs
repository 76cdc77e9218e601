using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>A cell's evidence travels up with its report: the assigner reads it through its own row, never the cell's.</summary>
public sealed class TaskEvidenceShould(AppFixture app)
{
    [Fact]
    public async Task Carry_a_cell_s_progress_file_to_the_commune_as_the_commune_s_own_file()
    {
        var tree = await app.CreateTreeAsync();
        var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        using var a1Reporter = await app.ClientForAsync(tree.A1Member);

        await root.IssueDirectiveAsync(tree.Root, "1866-CV/TU", a);
        var aTask = (await aSecretary.TasksAsync(tree.ChildA, "?scope=Received")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("pointNumber").GetInt32() == 1).Id();
        await aSecretary.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/handoffs", new { leadTenantIds = new[] { a1 } });
        var a1Task = (await a1Reporter.TasksAsync(tree.GrandchildA1)).GetProperty("items")[0].Id();

        // The cell uploads a PDF and reports progress with it.
        var bytes = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n1 0 obj << >> endobj\n%%EOF\n");
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { part, "file", "Biên bản quán triệt.pdf" } };
        var uploaded = await a1Reporter.PostAsync($"/t/{tree.GrandchildA1}/api/files", form).OkJsonAsync();
        var cellFileId = uploaded.Id();
        var reported = await a1Reporter.PostOkAsync($"/t/{tree.GrandchildA1}/api/tasks/{a1Task}/progress",
            new { text = "Đã quán triệt, có biên bản kèm theo", percent = 30, fileIds = new[] { cellFileId } });
        var own = reported.GetProperty("thread").EnumerateArray().Single(u => u.Str("kind") == "Progress");
        Assert.Equal(cellFileId, own.GetProperty("files").EnumerateArray().Single().GetProperty("fileId").GetGuid());

        // The commune's thread has the entry copied from the cell, with one file recorded in the commune.
        var aDetail = await Eventually.ValueAsync(() => aSecretary.TaskAsync(tree.ChildA, aTask),
            t => t.GetProperty("thread").EnumerateArray().Any(u => u.Str("kind") == "Progress"));
        var entry = aDetail.GetProperty("thread").EnumerateArray().Single(u => u.Str("kind") == "Progress");
        Assert.Equal("Đã quán triệt, có biên bản kèm theo", entry.Str("text"));
        var file = entry.GetProperty("files").EnumerateArray().Single();
        var communeFileId = file.GetProperty("fileId").GetGuid();
        Assert.NotEqual(cellFileId, communeFileId);
        Assert.Equal("Biên bản quán triệt.pdf", file.Str("fileName"));
        Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());

        var meta = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/files/{communeFileId}/meta");
        Assert.Equal(communeFileId, meta.Id());
        using (var download = await aSecretary.GetAsync($"/t/{tree.ChildA}/api/files/{communeFileId}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        }
        var communeOwner = await app.AdminScalarAsync<string>($"SELECT tenant_id::text FROM stored_files WHERE id = '{communeFileId}'");
        Assert.Equal(a, Guid.Parse(communeOwner!));

        // The cell's own row is not the commune's to read.
        using var cellsFile = await aSecretary.GetAsync($"/t/{tree.ChildA}/api/files/{cellFileId}");
        Assert.Equal(HttpStatusCode.NotFound, cellsFile.StatusCode);
    }

    [Fact]
    public async Task Hand_a_task_s_attachments_down_as_the_recipient_s_own_files()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);

        var bytes = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n1 0 obj << >> endobj\n%%EOF\n");
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { part, "file", "Kế hoạch chi tiết.pdf" } };
        var rootFileId = (await root.PostAsync($"/t/{tree.Root}/api/files", form).OkJsonAsync()).Id();
        var task = (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new
        {
            task = new { title = "Triển khai kế hoạch kèm theo", attachmentFileIds = new[] { rootFileId } },
        }).OkJsonAsync()).Id();
        var own = await root.TaskAsync(tree.Root, task);
        Assert.Equal("Kế hoạch chi tiết.pdf", own.GetProperty("attachments").EnumerateArray().Single().Str("fileName"));

        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{task}/handoffs", new { leadTenantIds = new[] { a } });

        var received = (await aSecretary.TasksAsync(tree.ChildA, "?scope=Received")).GetProperty("items").EnumerateArray().Single().Id();
        var attachment = (await aSecretary.TaskAsync(tree.ChildA, received)).GetProperty("attachments").EnumerateArray().Single();
        var communeFileId = attachment.GetProperty("fileId").GetGuid();
        Assert.NotEqual(rootFileId, communeFileId);
        Assert.Equal("Kế hoạch chi tiết.pdf", attachment.Str("fileName"));
        using (var download = await aSecretary.GetAsync($"/t/{tree.ChildA}/api/files/{communeFileId}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        }
        // The province's own record stays the province's.
        using var provinceFile = await aSecretary.GetAsync($"/t/{tree.ChildA}/api/files/{rootFileId}");
        Assert.Equal(HttpStatusCode.NotFound, provinceFile.StatusCode);
    }
}
