using System.Text.Json;

namespace CommitteeCloud.BrowserTests;

/// <summary>The province secretary issues the annual plan; the commune, watching its plans page, sees it arrive by itself.</summary>
public sealed class PlansShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Show_the_issued_plan_on_the_child_s_plans_page_without_a_reload()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        var year = DateTime.UtcNow.AddHours(7).Year;
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var created = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans", new
        {
            plan = new
            {
                year, number = "45-KH/TU", title = $"Kế hoạch công tác dân vận năm {year}",
                targets = new[] { new { name = "Nhiệm vụ hoàn thành", unit = "nhiệm vụ", targetValue = 5, indicatorCode = "tasks.completed" } },
                activities = new[] { new { title = "Tổ chức đối thoại với Nhân dân", from = $"{year}-02-01", to = $"{year}-12-31", leadTenantIds = new[] { a } } },
            },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The commune's secretary has the plans page open: nothing received yet.
        var commune = await browser.NewPageAsync(app.BaseAddress);
        await commune.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/plans");
        await commune.WaitUntilLiveAsync();
        await Assertions.Expect(commune.GetByTestId("received-plans-none")).ToBeVisibleAsync();
        var loads = 0;
        commune.Load += (_, _) => loads++;

        // The province's secretary opens the draft and issues it.
        var province = await browser.NewPageAsync(app.BaseAddress);
        await province.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/plans/{planId}");
        await province.WaitUntilLiveAsync();
        await Assertions.Expect(province.GetByTestId("plan-status")).ToHaveTextAsync("Dự thảo");
        await province.GetByTestId("plan-issue").ClickAsync();
        await Assertions.Expect(province.GetByTestId("plan-status")).ToHaveTextAsync("Đã ban hành");
        await Assertions.Expect(province.GetByTestId("activity-row")).ToContainTextAsync("Đang thực hiện");
        await Assertions.Expect(province.GetByTestId("target-row")).ToHaveAttributeAsync("data-status", "NotMet");

        // The commune's page shows the province's plan, with the task it received, by itself.
        var row = commune.GetByTestId("received-plan-row");
        await Assertions.Expect(row).ToContainTextAsync("45-KH/TU");
        await Assertions.Expect(row).ToContainTextAsync($"Kế hoạch công tác dân vận năm {year}");
        Assert.Equal(0, loads);
    }
}
