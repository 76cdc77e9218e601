using System.Text;

namespace CommitteeCloud.BrowserTests;

/// <summary>A cell attaches evidence to its progress report; the commune that assigned the task opens the same file.</summary>
public sealed class TaskEvidenceShould(AppFixture app, BrowserFixture browser)
{
    private const string PointTitle = "Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy";

    [Fact]
    public async Task Let_the_assigner_download_the_file_a_cell_reported_with_its_progress()
    {
        var tree = await app.CreateTreeAsync();
        var (_, aTask, a1Task) = await app.HandDownToTheCellAsync(tree, PointTitle);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n1 0 obj << >> endobj\n%%EOF\n");
        const string fileName = "Biên bản quán triệt.pdf";

        var cell = await browser.NewPageAsync(app.BaseAddress);
        await cell.SignInAsync(tree.A1Member, $"/t/{tree.GrandchildA1}/tasks/{a1Task}");
        await cell.WaitUntilLiveAsync();
        await cell.GetByTestId("task-action-progress").ClickAsync();
        await cell.Locator("textarea[data-testid=progress-text]").FillAsync("Đã quán triệt, biên bản kèm theo");
        await cell.Field("progress-percent").FillAsync("30");

        var input = cell.Locator("input[type=file][data-testid=progress-files-input]");
        await input.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = pdf });
        var chosen = cell.GetByTestId("progress-files").GetByTestId("evidence-file");
        await Assertions.Expect(chosen).ToHaveCountAsync(1);
        await Assertions.Expect(chosen).ToContainTextAsync(fileName);
        await Assertions.Expect(chosen).ToContainTextAsync("byte");

        // A program is refused with the reason, in Vietnamese, and the PDF stays on the list.
        await input.SetInputFilesAsync(new FilePayload
        {
            Name = "caidat.exe", MimeType = "application/x-msdownload", Buffer = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0],
        });
        await Assertions.Expect(cell.GetByTestId("evidence-error")).ToContainTextAsync("Loại tệp không được phép: .exe");
        await Assertions.Expect(chosen).ToHaveCountAsync(1);

        await cell.GetByTestId("progress-submit").ClickAsync();
        await Assertions.Expect(cell.Locator(".mud-snackbar").First).ToContainTextAsync("Đã cập nhật tiến độ");
        var cellEntry = cell.GetByTestId("thread-entry").Filter(new() { HasText = "Đã quán triệt, biên bản kèm theo" });
        await Assertions.Expect(cellEntry.GetByTestId("file-link")).ToHaveTextAsync(fileName);

        // The commune, which assigned the task, sees the entry with its own copy of the file and downloads it.
        var commune = await browser.NewPageAsync(app.BaseAddress);
        await commune.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/tasks/{aTask}");
        await commune.WaitUntilLiveAsync();
        var entry = commune.GetByTestId("thread-entry").Filter(new() { HasText = "Đã quán triệt, biên bản kèm theo" });
        var link = entry.GetByTestId("file-link");
        await Assertions.Expect(link).ToHaveTextAsync(fileName);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/t/{tree.ChildA}/api/files/[0-9a-f-]{{36}}$"));

        var download = await commune.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Keep_a_file_attached_in_the_draft_editor_on_the_issued_directive()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/directives/new");
        await page.WaitUntilLiveAsync();
        await page.Field("directive-number").FillAsync("26-CT/TU");
        await page.Field("directive-body-issuer").FillAsync("Ban Thường vụ Tỉnh ủy");
        await page.Field("directive-subject").FillAsync("Về công tác dân vận");
        await page.Locator("textarea[data-testid=directive-text]").FillAsync($"1. {PointTitle}.");
        await page.GetByTestId("directive-recipients").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText($"Đảng ủy xã A {tree.Suffix}").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n%%EOF\n");
        await page.Locator("input[type=file][data-testid=directive-files-input]")
            .SetInputFilesAsync(new FilePayload { Name = "Chỉ thị 26.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Assertions.Expect(page.GetByTestId("directive-files").GetByTestId("evidence-file")).ToContainTextAsync("Chỉ thị 26.pdf");
        await page.GetByTestId("directive-split").ClickAsync();
        await Assertions.Expect(page.GetByTestId("point-row")).ToHaveCountAsync(1);
        await page.GetByTestId("directive-issue").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Ban hành" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("directive-status")).ToHaveTextAsync("Đã ban hành");

        await page.ReloadAsync();
        await page.WaitUntilLiveAsync();
        var link = page.GetByTestId("directive-attachments").GetByTestId("file-link");
        await Assertions.Expect(link).ToHaveTextAsync("Chỉ thị 26.pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync()));
    }
}
