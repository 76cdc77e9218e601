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

public static class MudFields
{
    /// <summary>A MudBlazor input by its data-testid, wherever MudBlazor puts the attribute (the input or its wrapper).</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
