namespace CommitteeCloud.BrowserTests;

/// <summary>
/// A full review cycle in the browser: the province copies a shipped template and opens a cycle; the commune self-scores
/// and submits; the province lowers one criterion with a reason, which the commune sees; the province finalizes and
/// the ranking shows the unit's total and band.
/// </summary>
public sealed class ReviewsShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Carry_a_cycle_from_template_through_self_scoring_and_appraisal_to_the_ranking()
    {
        var tree = await app.CreateTreeAsync();

        // The province copies the 100-point example into its own templates and opens a cycle for commune A.
        var province = await browser.NewPageAsync(app.BaseAddress);
        await province.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/reviews");
        await province.WaitUntilLiveAsync();
        await province.GetByTestId("template-chip").Filter(new() { HasText = "100 điểm" }).First.ClickAsync();
        await province.Field("template-name").FillAsync("Bộ tiêu chí đánh giá công tác dân vận năm 2026");
        await province.Field("template-name").PressAsync("Tab");
        await province.GetByTestId("template-save-new").ClickAsync();
        await Assertions.Expect(province.Locator(".mud-snackbar").First).ToContainTextAsync("Đã lưu bộ tiêu chí");
        await province.GetByTestId("cycle-new").ClickAsync();
        await province.GetByText("Đảng ủy xã A " + tree.Suffix).ClickAsync();
        await province.GetByTestId("cycle-submit").ClickAsync();
        await Assertions.Expect(province.Locator(".mud-snackbar").Filter(new() { HasText = "Đã mở đợt đánh giá" })).ToHaveCountAsync(1);
        var unit = province.GetByTestId($"unit-{tree.ChildA}");
        await Assertions.Expect(unit.GetByTestId("unit-state")).ToHaveTextAsync("Chưa nộp");

        // The commune scores its sheet (9 points each, with an explanation) and submits.
        var commune = await browser.NewPageAsync(app.BaseAddress);
        await commune.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/reviews");
        await commune.WaitUntilLiveAsync();
        foreach (var code in new[] { "1", "3", "4", "6", "7", "8", "10" })
        {
            var row = commune.GetByTestId($"self-{code}");
            await row.Locator("input").First.FillAsync("9");
            await row.Locator("textarea").First.FillAsync("Đã thực hiện đầy đủ, có báo cáo kết quả");
            await row.Locator("textarea").First.PressAsync("Tab");
        }
        await commune.GetByTestId("self-submit").ClickAsync();
        await Assertions.Expect(commune.GetByTestId("self-state")).ToHaveTextAsync("Đã nộp");
        await Assertions.Expect(commune.GetByTestId("self-total")).ToHaveTextAsync("63");

        // The province sees it live, opens the appraisal sheet and lowers criterion 1 with a reason.
        await Assertions.Expect(unit.GetByTestId("unit-state")).ToHaveTextAsync("Đã nộp");
        await unit.GetByTestId("unit-appraise").ClickAsync();
        await province.Field("adjust-score").FillAsync("6");
        await province.Field("adjust-score").PressAsync("Tab");
        await province.Field("adjust-reason").FillAsync("Kế hoạch ban hành sau ngày 31/01");
        await province.Field("adjust-reason").PressAsync("Tab");
        await province.GetByTestId("adjust-submit").ClickAsync();
        await Assertions.Expect(province.GetByTestId("appraisal-total")).ToHaveTextAsync("60");

        // The commune sees the adjustment and its reason without reloading.
        var adjusted = commune.GetByTestId("self-1");
        await Assertions.Expect(adjusted.GetByTestId("self-appraised")).ToHaveTextAsync("6");
        await Assertions.Expect(adjusted.GetByTestId("self-appraisal-reason")).ToHaveTextAsync("Kế hoạch ban hành sau ngày 31/01");

        // Finalized: the ranking shows the total and band; the commune learns its result.
        await province.GetByTestId("cycle-finalize").ClickAsync();
        await Assertions.Expect(province.GetByTestId("cycle-state")).ToHaveTextAsync("Đã chốt");
        var ranking = province.GetByTestId("ranking-row").First;
        await Assertions.Expect(ranking.GetByTestId("ranking-total")).ToHaveTextAsync("60");
        await Assertions.Expect(ranking.GetByTestId("ranking-band")).ToContainTextAsync("Hoàn thành nhiệm vụ");
        await Assertions.Expect(commune.GetByTestId("self-result")).ToContainTextAsync("Hoàn thành nhiệm vụ");
    }
}
