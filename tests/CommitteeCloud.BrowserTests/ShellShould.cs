namespace CommitteeCloud.BrowserTests;

public sealed class ShellShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Switch_between_the_tenants_a_person_belongs_to()
    {
        var tree = await app.CreateTreeAsync();
        using var province = await app.ClientForAsync(tree.RootSecretary);
        (await province.PostAsJsonAsync($"/t/{tree.Root}/api/members", new { email = $"{tree.ASecretary}@test.vn", roles = new[] { "StaffMember" } }))
            .EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}");
        await page.WaitUntilLiveAsync();
        await page.GetByTestId("tenant-switcher").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = $"Tỉnh ủy thử nghiệm {tree.Suffix}" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/t/{tree.Root}", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("tenant-name")).ToHaveTextAsync($"Tỉnh ủy thử nghiệm {tree.Suffix}");
    }

    [Fact]
    public async Task Show_a_vietnamese_banner_when_the_connection_drops_and_keep_what_was_typed()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        // The circuit's socket goes through the test so it can cut the link as a weak connection would, and refuse
        // reconnection (WebSocket, negotiation, long polling) until the "network" is back.
        var outage = false;
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            if (outage)
            {
                _ = ws.CloseAsync(new() { Code = 4000, Reason = "offline" });
                return;
            }
            var server = ws.ConnectToServer();
            lock (sockets) sockets.Add((ws, server));
        });
        await page.RouteAsync("**/_blazor**", route => outage ? route.AbortAsync() : route.ContinueAsync());

        await page.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/members");
        await page.WaitUntilLiveAsync();
        var email = page.Field("member-email");
        await email.FillAsync("dang.nhap.do@test.vn");

        outage = true;
        (IWebSocketRoute Page, IWebSocketRoute Server)[] open;
        lock (sockets) open = [.. sockets];
        foreach (var (pageSide, serverSide) in open)
        {
            await pageSide.CloseAsync(new() { Code = 4000, Reason = "network dropped" });
            await serverSide.CloseAsync(new() { Code = 4000, Reason = "network dropped" });
        }
        var banner = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Mất kết nối tới máy chủ");

        outage = false;
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(email).ToHaveValueAsync("dang.nhap.do@test.vn");
        // The circuit survived: the form still answers.
        await page.GetByTestId("member-add").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
    }
}
