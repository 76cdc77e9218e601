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
}
