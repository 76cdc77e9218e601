using System.Text.Json;

namespace CommitteeCloud.BrowserTests;

/// <summary>The officer records a question raised at a dialogue and turns it into a task the unit then finds in its task list.</summary>
public sealed class DialoguesShould(AppFixture app, BrowserFixture browser)
{
    private const string Question = "Đường vào thôn Khuổi Mòn xuống cấp, đề nghị sửa chữa";

    [Fact]
    public async Task Turn_a_question_recorded_at_a_dialogue_into_a_task_of_the_unit()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        var dialogue = await TaskSetup.OkAsync(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues", new
        {
            kind = "WithCitizens",
            dialogue = new { title = "Đối thoại với Nhân dân thôn Khuổi Mòn", date = today, place = "Nhà văn hóa thôn", chairName = "Chủ tịch xã" },
        }));
        var id = dialogue.GetProperty("id").GetGuid();
        await TaskSetup.OkAsync(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/hold", new { }));

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/dialogues/{id}");
        await page.WaitUntilLiveAsync();
        await Assertions.Expect(page.GetByTestId("dialogue-status")).ToHaveTextAsync("Đã tổ chức");
        await page.Field("question-asker").FillAsync("Ông Hoàng Văn Dân");
        await page.Locator("textarea[data-testid=question-content]").FillAsync(Question);
        await page.Locator("textarea[data-testid=question-answer]").FillAsync("Xã sẽ khảo sát và bố trí kinh phí.");
        await page.GetByTestId("question-save").ClickAsync();
        var row = page.GetByTestId("question-row").Filter(new() { HasText = Question });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Ông Hoàng Văn Dân");

        await row.GetByTestId("question-follow-up").ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-up-form")).ToBeVisibleAsync();
        await page.Field("follow-up-title").FillAsync("Sửa chữa đường vào thôn Khuổi Mòn");
        await page.GetByTestId("follow-up-submit").ClickAsync();
        await Assertions.Expect(row.GetByTestId("question-task")).ToHaveTextAsync("Sửa chữa đường vào thôn Khuổi Mòn");
        await Assertions.Expect(row).ToContainTextAsync("Đang thực hiện");

        await page.GotoAsync($"/t/{tree.ChildA}/tasks");
        await page.WaitUntilLiveAsync();
        var task = page.GetByTestId("task-row").Filter(new() { HasText = "Sửa chữa đường vào thôn Khuổi Mòn" });
        await Assertions.Expect(task).ToHaveCountAsync(1);
        await Assertions.Expect(task.GetByTestId("row-timeliness")).ToHaveTextAsync("Trong hạn");

        // The same task is what the API lists, with the dialogue as its origin.
        var tasks = await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/tasks?search=Khuoi Mon");
        Assert.Single(tasks.GetProperty("items").EnumerateArray());
    }
}
