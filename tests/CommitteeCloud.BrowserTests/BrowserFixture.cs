using Microsoft.Playwright;

namespace CommitteeCloud.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET: no browser download. As root, Chromium needs --no-sandbox;
/// background networking is off because this machine's network is closed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException("Chromium is missing: apt-get install -y chromium (test.sh does this).");
        // Every expectation waits up to 20 s instead of Playwright's 5: on a loaded two-core CI machine a command's
        // confirmation has taken longer than 5 s to appear. A wait only ends early when the page is already right.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "vi-VN" });
        context.SetDefaultTimeout(20_000);
        // Navigations (sign-in, then the first render of a tenant page) wait longer still: with the integration
        // suite on the same two cores, a sign-in's redirect and first page load once took over 20 s.
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }
}
