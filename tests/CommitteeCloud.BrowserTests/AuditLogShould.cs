namespace CommitteeCloud.BrowserTests;

/// <summary>The secretary filters the audit log by entity type and reads who recorded the unit's training courses.</summary>
public sealed class AuditLogShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Filter_the_audit_log_and_show_who_changed_what()
    {
        var tree = await app.CreateTreeAsync();
        using var api = await app.ClientForAsync(tree.ASecretary);
        foreach (var title in new[] { "Tập huấn nghiệp vụ dân vận", "Hội nghị quán triệt Kết luận 114" })
            (await api.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses",
                new { course = new { title, kind = "Training", startsOn = "2026-03-10", endsOn = "2026-03-10", attendees = 40 } })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/training");
        await page.WaitUntilLiveAsync();
        await Assertions.Expect(page.GetByTestId("course-row")).ToHaveCountAsync(2);

        await page.GotoAsync($"/t/{tree.ChildA}/audit");
        await page.WaitUntilLiveAsync();
        await page.Field("audit-entity-type").FillAsync("TrainingCourse");
        await page.Field("audit-entity-type").PressAsync("Tab");
        await page.GetByTestId("audit-search").ClickAsync();
        var entries = page.Locator("[data-testid=audit-entry][data-entity-type=TrainingCourse]");
        await Assertions.Expect(entries).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=audit-entry]")).ToHaveCountAsync(2);
        await Assertions.Expect(entries.First.GetByTestId("audit-entry-person")).ToHaveTextAsync($"Người dùng {tree.ASecretary}");
        await Assertions.Expect(entries.First).ToContainTextAsync("Hội nghị quán triệt Kết luận 114");
        await Assertions.Expect(page.GetByTestId("audit-total")).ToContainTextAsync("2");
        Assert.Contains("entityType=TrainingCourse", await page.GetByTestId("audit-export").GetAttributeAsync("href"));
    }
}
