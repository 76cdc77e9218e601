using System.Text.Json;

namespace CommitteeCloud.BrowserTests;

public sealed class RolesShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Let_a_secretary_grant_a_permission_to_a_role_bundle()
    {
        var tree = await app.CreateTreeAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/roles");
        await page.WaitUntilLiveAsync();

        var box = page.Locator("[data-testid='perm-StaffMember-members.view']").Locator("xpath=ancestor-or-self::*[contains(@class,'mud-checkbox')][1]").First;
        await box.ClickAsync();
        await page.GetByTestId("save-StaffMember").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-StaffMember")).ToBeDisabledAsync();

        using var a = await app.ClientForAsync(tree.ASecretary);
        var roles = await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/roles");
        var staff = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "StaffMember");
        Assert.Contains("members.view", staff.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        // The staff member can now see the member list.
        using var staffClient = await app.ClientForAsync(tree.AStaff);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await staffClient.GetAsync($"/t/{tree.ChildA}/api/members")).StatusCode);
    }
}
