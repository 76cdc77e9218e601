namespace CommitteeCloud.BrowserTests;

public static class SignInFlow
{
    /// <summary>Signs in through the real form and waits until the tenant page is live (interactive).</summary>
    public static async Task SignInAsync(this IPage page, string userName, string returnUrl)
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", AppFixture.Password);
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => url.Contains(returnUrl, StringComparison.Ordinal));
    }

    public static Task WaitUntilLiveAsync(this IPage page) =>
        page.Locator("[data-live=true]").WaitForAsync();
}
