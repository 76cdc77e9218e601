namespace CommitteeCloud.BrowserTests;

/// <summary>An officer records a year of PAR INDEX on the page and sees it in the index's table and both charts.</summary>
public sealed class IndicesShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Record_an_index_value_and_show_it_in_the_table_and_the_chart()
    {
        var tree = await app.CreateTreeAsync();
        using var api = await app.ClientForAsync(tree.ASecretary);
        (await api.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", new { kind = "ParIndex", year = 2023, score = 84.5m, rank = 30, rankedUnits = 63 })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/indices");
        await page.WaitUntilLiveAsync();
        var section = page.GetByTestId("index-par_index");
        await Assertions.Expect(section.GetByTestId("index-row")).ToHaveCountAsync(1);

        // PAR INDEX is preselected; 2024: 88 points, 21st of 63.
        foreach (var (field, value) in new[] { ("index-year", "2024"), ("index-score", "88"), ("index-rank", "21"), ("index-ranked-units", "63") })
        {
            await page.Field(field).FillAsync(value);
            await page.Field(field).PressAsync("Tab");
        }
        await page.Field("index-source").FillAsync("Bộ Nội vụ");
        await page.GetByTestId("index-save").ClickAsync();

        var row = section.Locator("[data-testid=index-row][data-year='2024']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("index-row-score")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^88[,.]00$"));
        await Assertions.Expect(row.GetByTestId("index-row-rank")).ToHaveTextAsync("21/63");
        // Both charts have the two years on their axis.
        foreach (var chart in new[] { "index-chart-score", "index-chart-rank" })
        {
            await Assertions.Expect(section.GetByTestId(chart).Locator("svg")).Not.ToHaveCountAsync(0);
            await Assertions.Expect(section.GetByTestId(chart)).ToContainTextAsync("2024");
            await Assertions.Expect(section.GetByTestId(chart)).ToContainTextAsync("2023");
        }
        Assert.Equal(1L, await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM public_index_values v JOIN tenants t ON t.id = v.tenant_id WHERE t.code = '{tree.ChildA}' AND v.year = 2024 AND v.rank = 21"));

        // A rank beyond the provinces ranked is refused on the page, with the field's message.
        await page.Field("index-year").FillAsync("2025");
        await page.Field("index-year").PressAsync("Tab");
        await page.Field("index-score").FillAsync("89");
        await page.Field("index-score").PressAsync("Tab");
        await page.Field("index-rank").FillAsync("40");
        await page.Field("index-rank").PressAsync("Tab");
        await page.Field("index-ranked-units").FillAsync("34");
        await page.Field("index-ranked-units").PressAsync("Tab");
        await page.GetByTestId("index-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("index-form")).ToContainTextAsync("Thứ hạng không được lớn hơn");
        await Assertions.Expect(section.Locator("[data-testid=index-row][data-year='2025']")).ToHaveCountAsync(0);
    }
}
