namespace CommitteeCloud.BrowserTests;

/// <summary>A commune fills and submits its report on its page; the province watching the request's board sees it without a reload.</summary>
public sealed class ReportsShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Show_a_child_s_submitted_report_on_the_parent_s_board_without_a_reload()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using (var root = await app.ClientForAsync(tree.RootSecretary))
        {
            var template = await TaskSetup.OkAsync(root.PostAsJsonAsync($"/t/{tree.Root}/api/report-templates", new
            {
                name = "Báo cáo công tác dân vận quý",
                sections = new[] { new { title = "Kết quả thực hiện" } },
                indicators = new object[]
                {
                    new { name = "Số cuộc đối thoại", unit = "cuộc", rule = "Sum", indicatorCode = "dialogues.held" },
                    new { name = "Số lượt tiếp công dân", unit = "lượt", rule = "Sum" },
                },
            }));
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            await TaskSetup.OkAsync(root.PostAsJsonAsync($"/t/{tree.Root}/api/report-requests", new
            {
                kind = "AdHoc", year = today.Year, periodFrom = today.AddDays(-30).ToString("yyyy-MM-dd"), periodTo = today.ToString("yyyy-MM-dd"),
                deadline = today.AddDays(7).ToString("yyyy-MM-dd"), templateId = template.GetProperty("id").GetGuid(), subject = "Báo cáo nhanh",
                childTenantIds = new[] { a },
            }));
        }

        var province = await browser.NewPageAsync(app.BaseAddress);
        await province.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/reports/sent");
        await province.WaitUntilLiveAsync();
        var slot = province.GetByTestId($"slot-{tree.ChildA}");
        await Assertions.Expect(slot.GetByTestId("slot-status")).ToHaveTextAsync("Chưa gửi");
        var loads = 0;
        province.Load += (_, _) => loads++;

        var commune = await browser.NewPageAsync(app.BaseAddress);
        await commune.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/reports/received");
        await commune.WaitUntilLiveAsync();
        // The live figure is pre-filled (no dialogue held: 0); the hand-entered one is typed.
        await Assertions.Expect(commune.GetByTestId("indicator-i1").GetByTestId("indicator-computed")).ToHaveTextAsync("0");
        var receptions = commune.GetByTestId("indicator-i2").Locator("input").First;
        await receptions.FillAsync("7");
        await receptions.PressAsync("Tab");
        var section = commune.Locator("textarea[data-testid=section-text], [data-testid=section-text] textarea").First;
        await section.FillAsync("Duy trì tiếp công dân định kỳ hằng tháng.");
        await section.PressAsync("Tab");
        await commune.GetByTestId("report-save").ClickAsync();
        await Assertions.Expect(commune.Locator(".mud-snackbar").First).ToContainTextAsync("Đã lưu");
        await commune.GetByTestId("report-approve").ClickAsync();
        await Assertions.Expect(commune.GetByTestId("my-state")).ToHaveTextAsync("Đã duyệt, chờ gửi");
        await commune.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(commune.GetByTestId("my-state")).ToHaveTextAsync("Đã gửi");

        await Assertions.Expect(slot.GetByTestId("slot-status")).ToHaveTextAsync("Đúng hạn");
        await Assertions.Expect(province.GetByTestId("agg-i2").GetByTestId("agg-children")).ToContainTextAsync("7");
        await Assertions.Expect(province.GetByTestId("count-ontime")).ToContainTextAsync("1");
        Assert.Equal(0, loads);

        // The templates page shows the province's template for editing.
        await province.GotoAsync($"/t/{tree.Root}/reports/templates");
        await province.WaitUntilLiveAsync();
        await Assertions.Expect(province.Field("template-name")).ToHaveValueAsync("Báo cáo công tác dân vận quý");
    }
}
