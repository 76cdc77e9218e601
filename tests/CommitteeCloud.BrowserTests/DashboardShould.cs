using System.Text.Json;

namespace CommitteeCloud.BrowserTests;

/// <summary>The province's supervisor keeps the dashboard open while a commune's task goes overdue.</summary>
public sealed class DashboardShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Turn_a_commune_red_when_its_task_goes_overdue_without_a_reload()
    {
        var tree = await app.CreateTreeAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        using var commune = await app.ClientForAsync(tree.ASecretary);
        var created = await commune.PostAsJsonAsync($"/t/{tree.ChildA}/api/tasks",
            new { task = new { title = "Tổ chức hội nghị đối thoại với Nhân dân", deadlineKind = "OnDate", dueDate = today.AddDays(10).ToString("yyyy-MM-dd") } });
        created.EnsureSuccessStatusCode();
        var task = await created.Content.ReadFromJsonAsync<JsonElement>();

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.RootSupervisor, $"/t/{tree.Root}/dashboard");
        await page.WaitUntilLiveAsync();
        var tile = page.Locator($"[data-testid=dashboard-tile][data-code={tree.ChildA}]");
        // No leader assignment and no dialogue yet: amber, not red.
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-health", "Amber");
        await Assertions.Expect(page.GetByTestId("total-overdue")).ToHaveTextAsync("0");
        var loads = 0;
        page.Load += (_, _) => loads++;

        // The commune moves the deadline to yesterday: the task is now overdue.
        var moved = await commune.PutAsJsonAsync($"/t/{tree.ChildA}/api/tasks/{task.GetProperty("id").GetGuid()}", new
        {
            task = new { title = "Tổ chức hội nghị đối thoại với Nhân dân", deadlineKind = "OnDate", dueDate = today.AddDays(-1).ToString("yyyy-MM-dd") },
            version = task.GetProperty("version").GetUInt32(),
        });
        moved.EnsureSuccessStatusCode();

        await Assertions.Expect(tile).ToHaveAttributeAsync("data-health", "Red");
        await Assertions.Expect(page.GetByTestId("total-overdue")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("total-red")).ToHaveTextAsync("1");
        Assert.Equal(0, loads);

        // Drill down: the commune's overdue task, by how many days.
        await tile.ClickAsync();
        var detail = page.GetByTestId("dashboard-detail");
        await Assertions.Expect(detail).ToContainTextAsync("1 nhiệm vụ quá hạn");
        await Assertions.Expect(detail.GetByTestId("detail-task")).ToContainTextAsync("quá hạn 1 ngày");
    }
}
