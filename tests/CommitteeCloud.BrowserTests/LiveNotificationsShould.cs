
namespace CommitteeCloud.BrowserTests;

public sealed class LiveNotificationsShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Show_a_new_notification_without_a_reload()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.BSecretary, $"/t/{tree.ChildB}");
        await page.WaitUntilLiveAsync();
        await Assertions.Expect(page.GetByTestId("tenant-name")).ToHaveTextAsync($"Đảng ủy xã B {tree.Suffix}");
        var loads = 0;
        page.Load += (_, _) => loads++;

        // Someone else, elsewhere, adds this person to the province committee.
        using var province = await app.ClientForAsync(tree.RootSecretary);
        (await province.PostAsJsonAsync($"/t/{tree.Root}/api/members", new { email = $"{tree.BSecretary}@test.vn", roles = new[] { "Supervisor" } }))
            .EnsureSuccessStatusCode();

        var notification = page.GetByTestId("notification").Filter(new() { HasText = $"Bạn được thêm vào Tỉnh ủy thử nghiệm {tree.Suffix}" });
        await Assertions.Expect(notification).ToBeVisibleAsync();
        await Assertions.Expect(notification).ToContainTextAsync("Giám sát cấp trên");
        // The tenant switcher offers the new tenant at once.
        await page.GetByTestId("tenant-switcher").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = $"Tỉnh ủy thử nghiệm {tree.Suffix}" })).ToBeVisibleAsync();
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task Mark_a_notification_read_from_the_home_page()
    {
        var tree = await app.CreateTreeAsync();
        using var province = await app.ClientForAsync(tree.RootSecretary);
        (await province.PostAsJsonAsync($"/t/{tree.Root}/api/members", new { email = $"{tree.ASecretary}@test.vn", roles = new[] { "StaffMember" } }))
            .EnsureSuccessStatusCode();
        using var a = await app.ClientForAsync(tree.ASecretary);
        await Eventually.ValueAsync(() => a.GetFromJsonAsync<List<InboxItem>>("/api/me/notifications"), l => l!.Any(n => n.TenantCode == tree.Root));

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}");
        await page.WaitUntilLiveAsync();
        var notification = page.GetByTestId("notification").Filter(new() { HasText = tree.Root.Replace("root-", "Tỉnh ủy thử nghiệm ", StringComparison.Ordinal) });
        await Assertions.Expect(notification).ToBeVisibleAsync();
        await notification.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(notification).ToHaveCountAsync(0);

        var unread = await a.GetFromJsonAsync<List<InboxItem>>("/api/me/notifications");
        Assert.DoesNotContain(unread!, n => n.TenantCode == tree.Root);
    }

    private sealed record InboxItem(Guid Id, string TenantCode);
}

public sealed class SignInPageShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Refuse_a_wrong_password_in_vietnamese()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/signin");
        await page.FillAsync("#username", tree.ASecretary);
        await page.FillAsync("#password", "sai-mat-khau-9");
        await page.ClickAsync("#signin-submit");
        await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    [Fact]
    public async Task Send_an_anonymous_visitor_to_sign_in_and_back()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync($"/t/{tree.ChildA}/members");
        await page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await page.FillAsync("#username", tree.ASecretary);
        await page.FillAsync("#password", AppFixture.Password);
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => url.EndsWith($"/t/{tree.ChildA}/members", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("members-table")).ToContainTextAsync($"Người dùng {tree.AStaff}");
    }

    [Fact]
    public async Task Switch_to_english_and_back()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/signin");
        await Assertions.Expect(page.Locator("#signin-submit")).ToHaveTextAsync("Đăng nhập");
        await page.ClickAsync("text=English");
        await Assertions.Expect(page.Locator("#signin-submit")).ToHaveTextAsync("Sign in");
        await page.ClickAsync("text=Tiếng Việt");
        await Assertions.Expect(page.Locator("#signin-submit")).ToHaveTextAsync("Đăng nhập");
    }
}
