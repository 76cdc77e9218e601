namespace CommitteeCloud.BrowserTests;

public sealed class TreeAndLeadersShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Let_a_province_secretary_provision_a_commune_and_assign_its_leader_while_the_tree_updates_live()
    {
        var tree = await app.CreateTreeAsync();
        var commune = $"xa-tan-{tree.Suffix}";
        var treePage = await browser.NewPageAsync(app.BaseAddress);
        await treePage.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/tree");
        await treePage.WaitUntilLiveAsync();
        var loads = 0;
        treePage.Load += (_, _) => loads++;

        await treePage.Field("provision-name").FillAsync("Đảng ủy xã Tân Thành");
        await treePage.Field("provision-code").FillAsync(commune);
        await treePage.Field("provision-secretary").FillAsync($"{tree.RootSecretary}@test.vn");
        await treePage.GetByTestId("provision-submit").ClickAsync();

        var node = treePage.Locator($"[data-testid=tree-node][data-code={commune}]");
        await Assertions.Expect(node).ToContainTextAsync("Đảng ủy xã Tân Thành");
        await Assertions.Expect(node.GetByTestId("leader-status")).ToHaveTextAsync("Chưa có phân công");

        // In another tab, acting in the new commune, the secretary records the written assignment.
        var leaders = await treePage.Context.NewPageAsync();
        await leaders.GotoAsync($"/t/{commune}/leader-assignments");
        await leaders.WaitUntilLiveAsync();
        await Assertions.Expect(leaders.GetByTestId("leader-in-force")).ToHaveTextAsync("Chưa có quyết định phân công còn hiệu lực");
        await leaders.Field("decision-number").FillAsync("01-QĐ/ĐU");
        await leaders.Field("signer").FillAsync("Người dùng ký");
        await leaders.GetByTestId("leader-select").ClickAsync();
        await leaders.Locator(".mud-popover-open").GetByText($"Người dùng {tree.RootSecretary}").ClickAsync();
        await Assertions.Expect(leaders.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await leaders.Field("leader-position").FillAsync("Bí thư Đảng ủy");
        await leaders.GetByTestId("leader-submit").ClickAsync();
        // The outcome as the person reads it: success, or the reason why not (which then fails the test clearly).
        await Assertions.Expect(leaders.Locator(".mud-snackbar").First).ToContainTextAsync("Đã ghi nhận quyết định phân công");
        await Assertions.Expect(leaders.GetByTestId("leader-in-force")).ToHaveTextAsync("Đang có quyết định phân công còn hiệu lực");
        await Assertions.Expect(leaders.GetByTestId("leader-history")).ToContainTextAsync("01-QĐ/ĐU");

        // The province's tree turns the commune green by itself.
        await Assertions.Expect(node.GetByTestId("leader-status")).ToHaveTextAsync("Đã phân công");
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task Find_a_unit_by_typing_without_diacritics()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.RootSupervisor, $"/t/{tree.Root}/tree");
        await page.WaitUntilLiveAsync();
        await Assertions.Expect(page.GetByTestId("tree-node")).ToHaveCountAsync(4);
        await page.Field("tree-search").FillAsync("dang uy xa b");
        await Assertions.Expect(page.GetByTestId("tree-node")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("tree-node")).ToContainTextAsync($"Đảng ủy xã B {tree.Suffix}");
    }
}
