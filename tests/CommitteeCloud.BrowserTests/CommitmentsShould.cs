namespace CommitteeCloud.BrowserTests;

/// <summary>A commune registers its commitment on its page; the province watching the round's board sees it without a reload.</summary>
public sealed class CommitmentsShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Show_a_child_s_registration_on_the_parent_s_board_without_a_reload()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using (var root = await app.ClientForAsync(tree.RootSecretary))
        {
            await TaskSetup.OkAsync(root.PostAsJsonAsync($"/t/{tree.Root}/api/commitment-rounds", new
            {
                year = 2026, title = "Đăng ký thi đua năm 2026", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd"),
                childTenantIds = new[] { a },
            }));
        }

        var province = await browser.NewPageAsync(app.BaseAddress);
        await province.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/commitments");
        await province.WaitUntilLiveAsync();
        var slot = province.GetByTestId($"slot-{tree.ChildA}");
        await Assertions.Expect(slot.GetByTestId("slot-status")).ToHaveTextAsync("Chưa đăng ký");
        var loads = 0;
        province.Load += (_, _) => loads++;

        var commune = await browser.NewPageAsync(app.BaseAddress);
        await commune.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/commitments");
        await commune.WaitUntilLiveAsync();
        await commune.Field("model-name").FillAsync("Dân vận khéo trong cải cách thủ tục hành chính");
        await commune.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(commune.Locator(".mud-snackbar").First).ToContainTextAsync("Đã gửi đăng ký");
        await Assertions.Expect(commune.GetByTestId("my-status")).ToHaveTextAsync("Đã đăng ký");

        await Assertions.Expect(slot.GetByTestId("slot-status")).ToHaveTextAsync("Đã đăng ký");
        await Assertions.Expect(slot).ToContainTextAsync("Dân vận khéo trong cải cách thủ tục hành chính");
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task Let_a_child_enter_its_year_end_results_once_approved_and_show_them_met()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using (var root = await app.ClientForAsync(tree.RootSecretary))
        {
            await TaskSetup.OkAsync(root.PostAsJsonAsync($"/t/{tree.Root}/api/commitment-rounds", new
            {
                year = 2026, title = "Đăng ký thi đua năm 2026", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd"),
                childTenantIds = new[] { a },
            }));
        }
        var commune = await browser.NewPageAsync(app.BaseAddress);
        await commune.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/commitments");
        await commune.WaitUntilLiveAsync();
        await commune.Field("model-name").FillAsync("Dân vận khéo trong xây dựng nông thôn mới");
        await commune.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(commune.GetByTestId("my-status")).ToHaveTextAsync("Đã đăng ký");

        // The province approves on its board.
        var province = await browser.NewPageAsync(app.BaseAddress);
        await province.SignInAsync(tree.RootSecretary, $"/t/{tree.Root}/commitments");
        await province.WaitUntilLiveAsync();
        await province.GetByTestId($"slot-{tree.ChildA}").GetByTestId("slot-approve").ClickAsync();
        await Assertions.Expect(province.GetByTestId($"slot-{tree.ChildA}").GetByTestId("slot-status")).ToHaveTextAsync("Đã phê duyệt");

        // At year end the commune enters what it reached against the (default) 100 % target.
        await commune.ReloadAsync();
        await commune.WaitUntilLiveAsync();
        await commune.Field("result-actual").FillAsync("100");
        await commune.Field("result-actual").PressAsync("Tab");
        await commune.GetByTestId("results-submit").ClickAsync();
        await Assertions.Expect(commune.Locator(".mud-snackbar").First).ToContainTextAsync("Đã ghi kết quả thực hiện");
        await Assertions.Expect(commune.GetByTestId("history")).ToContainTextAsync("kết quả");
        await Assertions.Expect(commune.GetByTestId("target-met")).ToHaveTextAsync("Đạt");
    }
}
