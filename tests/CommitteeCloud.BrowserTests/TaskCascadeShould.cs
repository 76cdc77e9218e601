using System.Text.Json;

namespace CommitteeCloud.BrowserTests;

/// <summary>A cell reports progress on its page; the province watching the task's cascade sees it roll up by itself.</summary>
public sealed class TaskCascadeShould(AppFixture app, BrowserFixture browser)
{
    private const string PointTitle = "Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy";

    [Fact]
    public async Task Show_a_cell_s_progress_on_the_province_cascade_without_a_reload()
    {
        var tree = await app.CreateTreeAsync();
        var (rootTask, _, a1Task) = await app.HandDownToTheCellAsync(tree, PointTitle);

        var province = await browser.NewPageAsync(app.BaseAddress);
        await province.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/tasks/{rootTask}");
        await province.WaitUntilLiveAsync();
        var cellNode = province.GetByTestId($"cascade-node-{tree.GrandchildA1}");
        var communeNode = province.GetByTestId($"cascade-node-{tree.ChildA}");
        await Assertions.Expect(cellNode.GetByTestId("cascade-percent")).ToHaveTextAsync("0%");
        await Assertions.Expect(communeNode.GetByTestId("cascade-percent")).ToHaveTextAsync("0%");
        var loads = 0;
        province.Load += (_, _) => loads++;

        // The cell's reporter, signed in elsewhere, reports 40 % through the form.
        var cell = await browser.NewPageAsync(app.BaseAddress);
        await cell.SignInAsync(tree.A1Member, $"/t/{tree.GrandchildA1}/tasks/{a1Task}");
        await cell.WaitUntilLiveAsync();
        await Assertions.Expect(cell.GetByTestId("task-title")).ToContainTextAsync(PointTitle);
        await cell.GetByTestId("task-action-progress").ClickAsync();
        await cell.Locator("textarea[data-testid=progress-text]").FillAsync("Đã tổ chức quán triệt cho đảng viên");
        await cell.Field("progress-percent").FillAsync("40");
        await cell.GetByTestId("progress-submit").ClickAsync();
        await Assertions.Expect(cell.Locator(".mud-snackbar").First).ToContainTextAsync("Đã cập nhật tiến độ");
        await Assertions.Expect(cell.GetByTestId("task-percent")).ToHaveTextAsync("40%");
        await Assertions.Expect(cell.GetByTestId("thread")).ToContainTextAsync("Đã tổ chức quán triệt cho đảng viên");

        // The province's page follows by itself: the cell at 40 %, and the commune rolled up to 40 % (its only unit).
        await Assertions.Expect(cellNode.GetByTestId("cascade-percent")).ToHaveTextAsync("40%");
        await Assertions.Expect(communeNode.GetByTestId("cascade-percent")).ToHaveTextAsync("40%");
        await Assertions.Expect(cellNode).ToContainTextAsync("Đang thực hiện");
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task List_a_received_task_in_the_inbox_with_its_timeliness()
    {
        var tree = await app.CreateTreeAsync();
        await app.HandDownToTheCellAsync(tree, PointTitle);

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.A1Member, $"/t/{tree.GrandchildA1}/tasks");
        await page.WaitUntilLiveAsync();
        await page.GetByTestId("scope-Received").ClickAsync();
        var row = page.GetByTestId("task-row").Filter(new() { HasText = PointTitle });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("row-timeliness")).ToHaveTextAsync("Không thời hạn");
        await Assertions.Expect(row).ToContainTextAsync($"Đảng ủy xã A {tree.Suffix}");
        await Assertions.Expect(page.GetByTestId("timeliness-NoDeadline")).ToContainTextAsync("1");
    }

    [Fact]
    public async Task Let_the_province_draft_split_and_issue_a_directive_that_the_commune_receives()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/directives");
        await page.WaitUntilLiveAsync();
        await page.GetByTestId("directive-new").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/directives/new", StringComparison.Ordinal));
        await page.WaitUntilLiveAsync();

        await page.Field("directive-number").FillAsync("25-CT/TU");
        await page.Field("directive-body-issuer").FillAsync("Ban Thường vụ Tỉnh ủy");
        await page.Field("directive-subject").FillAsync("Về tăng cường công tác dân vận");
        await page.Locator("textarea[data-testid=directive-text]").FillAsync($"1. {PointTitle}.\n\n2. Thực hiện tốt Năm dân vận chính quyền.");
        await page.GetByTestId("directive-recipients").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText($"Đảng ủy xã A {tree.Suffix}").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("directive-split").ClickAsync();
        await Assertions.Expect(page.GetByTestId("point-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/directives/[0-9a-f-]{36}$"));

        await page.GetByTestId("directive-issue").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Ban hành" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("directive-status")).ToHaveTextAsync("Đã ban hành");

        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        var received = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/tasks?scope=Received");
        Assert.Equal(2, received.GetProperty("total").GetInt32());
    }
}
