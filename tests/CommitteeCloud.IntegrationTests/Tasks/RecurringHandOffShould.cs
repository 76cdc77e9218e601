namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>A recurring task handed down: the assigner's own deadline follows the periods its units have reported.</summary>
public sealed class RecurringHandOffShould(AppFixture app)
{
    [Fact]
    public async Task Move_the_assigner_s_deadline_to_the_next_period_once_every_lead_unit_reported_the_current_one()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        using var bSecretary = await app.ClientForAsync(tree.BSecretary);
        var year = DateTime.UtcNow.Year;
        var task = (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new
        {
            task = new
            {
                title = "Báo cáo định kỳ hằng quý", deadlineKind = "Recurring", recurrence = "Quarterly",
                recurFrom = $"{year}-01-01", recurUntil = $"{year}-12-31",
            },
        }).OkJsonAsync()).Id();
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{task}/handoffs", new { leadTenantIds = new[] { a, b } });
        var before = await root.TaskAsync(tree.Root, task);
        var periods = before.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(periods[0].Str("end"), before.Str("deadline"));

        async Task ReportFirstQuarter(HttpClient client, string unit)
        {
            var received = (await client.TasksAsync(unit, "?scope=Received")).GetProperty("items").EnumerateArray().Single().Id();
            await client.PostOkAsync($"/t/{unit}/api/tasks/{received}/progress",
                new { text = "Báo cáo quý I", periodLabel = periods[0].Str("label") });
        }

        await ReportFirstQuarter(aSecretary, tree.ChildA);
        var oneReported = await Eventually.ValueAsync(() => root.TaskAsync(tree.Root, task),
            t => t.GetProperty("thread").EnumerateArray().Count(u => u.Str("kind") == "Progress") == 1);
        Assert.Equal(periods[0].Str("end"), oneReported.Str("deadline")); // B has not reported the quarter yet

        await ReportFirstQuarter(bSecretary, tree.ChildB);
        var bothReported = await Eventually.ValueAsync(() => root.TaskAsync(tree.Root, task),
            t => t.GetProperty("thread").EnumerateArray().Count(u => u.Str("kind") == "Progress") == 2);
        Assert.Equal(periods[1].Str("end"), bothReported.Str("deadline"));
        Assert.True(bothReported.GetProperty("periods")[0].GetProperty("reported").GetBoolean());
    }
}
