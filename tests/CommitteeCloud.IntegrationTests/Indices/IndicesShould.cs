using System.Text.Json;
using CommitteeCloud.Web.Features.Indices;
using CommitteeCloud.Web.Platform.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using CommitteeCloud.IntegrationTests.Plans;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Indices;

public sealed class IndicesShould(AppFixture app)
{
    private static object Papi(int year, decimal score, int rank, int rankedUnits = 63) =>
        new { kind = "Papi", year, score, rank, rankedUnits, source = "UNDP, Báo cáo PAPI " + year };

    [Fact]
    public async Task Record_a_year_and_read_it_in_its_index_series()
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var created = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2024, 42.15m, 30));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2023, 41.2m, 35)).OkJsonAsync();
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", new { kind = "Sipas", year = 2024, score = 82.5m, rank = 20, rankedUnits = 63 }).OkJsonAsync();

        using var staff = await app.ClientForAsync(tree.AStaff);
        var series = await staff.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/indices");
        Assert.Equal(4, series.GetArrayLength());
        var papi = series.EnumerateArray().Single(s => s.Str("kind") == "Papi");
        Assert.Equal(80m, papi.GetProperty("maxScore").GetDecimal());
        Assert.Equal([2023, 2024], papi.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("year").GetInt32()));
        var y2024 = papi.GetProperty("values")[1];
        Assert.Equal(42.15m, y2024.GetProperty("score").GetDecimal());
        Assert.Equal(30, y2024.GetProperty("rank").GetInt32());
        Assert.Equal(63, y2024.GetProperty("rankedUnits").GetInt32());
        Assert.Equal(0, series.EnumerateArray().Single(s => s.Str("kind") == "Pci").GetProperty("values").GetArrayLength());
    }

    [Fact]
    public async Task Refuse_a_second_value_for_the_same_index_and_year_with_409()
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2024, 42m, 30)).OkJsonAsync();
        var again = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2024, 43m, 20));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // Another unit records its own 2024 freely.
        using var other = await app.ClientForAsync(tree.BSecretary);
        await other.PostAsJsonAsync($"/t/{tree.ChildB}/api/indices", Papi(2024, 40m, 40)).OkJsonAsync();
    }

    [Fact]
    public async Task Edit_with_the_version_read_and_refuse_a_stale_one_with_409()
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var value = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2024, 42m, 30)).OkJsonAsync();
        var version = value.GetProperty("version").GetUInt32();
        var edited = await officer.PutAsJsonAsync($"/t/{tree.ChildA}/api/indices/{value.Id()}",
            new { score = 44.5m, rank = 18, rankedUnits = 63, note = "Theo báo cáo chính thức", version }).OkJsonAsync();
        Assert.Equal(18, edited.GetProperty("rank").GetInt32());
        Assert.Equal("Papi", edited.Str("kind"));
        var stale = await officer.PutAsJsonAsync($"/t/{tree.ChildA}/api/indices/{value.Id()}",
            new { score = 40m, rank = 50, rankedUnits = 63, version });
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // A stale delete is refused too; the current version deletes.
        (await officer.DeleteAsync($"/t/{tree.ChildA}/api/indices/{value.Id()}?version={version}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var current = edited.GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/t/{tree.ChildA}/api/indices/{value.Id()}?version={current}")).StatusCode);
    }

    [Theory]
    [InlineData("Papi", 2024, 80.5, 10, 63, "score")]   // PAPI is scored out of 80
    [InlineData("ParIndex", 2024, 100.01, 10, 63, "score")]
    [InlineData("Pci", 2024, -1, 10, 63, "score")]
    [InlineData("Sipas", 2024, 80, 0, 63, "rank")]
    [InlineData("Sipas", 2025, 80, 35, 34, "rank")]     // 34 provinces after the 2025 merger
    [InlineData("Pci", 1990, 60, 10, 63, "year")]
    [InlineData("Pci", 2024, 60, 10, 0, "rankedUnits")]
    public async Task Refuse_figures_off_the_index_scale_with_a_vietnamese_field_message(string kind, int year, double score, int rank, int rankedUnits, string field)
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var response = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", new { kind, year, score = (decimal)score, rank, rankedUnits });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.FieldErrorsEndingWith(field);
        Assert.NotEmpty(messages);
        Assert.Contains(messages, m => m.Any(c => "ăâđêôơưạảãáàểếệềễóòỏõọố".Contains(c)));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM public_index_values WHERE tenant_id = '{await app.TenantIdAsync(tree.ChildA)}'"));
    }

    [Fact]
    public async Task Refuse_an_edit_off_the_scale_of_the_stored_index()
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var value = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2024, 42m, 30)).OkJsonAsync();
        var response = await officer.PutAsJsonAsync($"/t/{tree.ChildA}/api/indices/{value.Id()}", new { score = 95m, rank = 30, rankedUnits = 63 });
        Assert.NotEmpty((await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrorsEndingWith("score"));
    }

    [Fact]
    public async Task Let_a_plan_target_bound_to_the_papi_rank_show_met_or_not_met_from_the_recorded_value()
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var indicators = await officer.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/plans/indicators");
        Assert.Contains(indicators.EnumerateArray(), i => i.Str("code") == "indices.papi.rank");
        Assert.Contains(indicators.EnumerateArray(), i => i.Str("code") == "indices.par_index.score");

        var year = PlanApi.Year;
        var plan = await officer.CreatePlanAsync(tree.ChildA, new
        {
            year, title = $"Kế hoạch công tác dân vận năm {year}",
            targets = new object[]
            {
                new { name = "Xếp hạng PAPI", unit = "hạng", targetValue = 20, kind = "Rank", indicatorCode = "indices.papi.rank" },
                new { name = "Điểm PAPI", unit = "điểm", targetValue = 43, kind = "AtLeast", indicatorCode = "indices.papi.score" },
            },
        });
        Assert.Equal("NoData", plan.Target("Xếp hạng PAPI").Str("status"));

        var value = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(year, 44m, 15, 34)).OkJsonAsync();
        plan = await officer.PlanAsync(tree.ChildA, plan.Id());
        Assert.Equal(15m, plan.Target("Xếp hạng PAPI").GetProperty("actual").GetDecimal());
        Assert.Equal("Exceeded", plan.Target("Xếp hạng PAPI").Str("status")); // 15th is better than the 20th aimed for
        Assert.Equal("Exceeded", plan.Target("Điểm PAPI").Str("status"));

        await officer.PutAsJsonAsync($"/t/{tree.ChildA}/api/indices/{value.Id()}",
            new { score = 43m, rank = 25, rankedUnits = 34, version = value.GetProperty("version").GetUInt32() }).OkJsonAsync();
        plan = await officer.PlanAsync(tree.ChildA, plan.Id());
        Assert.Equal("NotMet", plan.Target("Xếp hạng PAPI").Str("status"));
        Assert.Equal("Met", plan.Target("Điểm PAPI").Str("status"));

        // Another year's value does not count for this year's plan.
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", new { kind = "Pci", year = year - 1, score = 70m, rank = 1, rankedUnits = 63 }).OkJsonAsync();
        var pciPlanTarget = await officer.PutAsJsonAsync($"/t/{tree.ChildA}/api/plans/{plan.Id()}", new
        {
            plan = new { year, title = $"Kế hoạch công tác dân vận năm {year}", targets = new object[] { new { name = "Xếp hạng PCI", unit = "hạng", targetValue = 10, kind = "Rank", indicatorCode = "indices.pci.rank" } } },
        }).OkJsonAsync();
        Assert.Equal("NoData", pciPlanTarget.Target("Xếp hạng PCI").Str("status"));
    }

    [Fact]
    public async Task Tell_the_unit_s_open_pages_live_and_nobody_else()
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var heardInA = new TaskCompletionSource<LiveTenantEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardCourse = new TaskCompletionSource<LiveTenantEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var elsewhere = new List<LiveTenantEvent>();
        await using var member = await app.ConnectHubAsync(tree.ASecretary);
        await member.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildA);
        member.On<LiveTenantEvent>(LiveMethods.TenantEvent, e =>
        {
            if (e.Type == IndicesLive.IndicesChangedEvent) heardInA.TrySetResult(e);
            if (e.Type == IndicesLive.TrainingChangedEvent) heardCourse.TrySetResult(e);
        });
        await using var sibling = await app.ConnectHubAsync(tree.BSecretary);
        await sibling.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildB);
        await using var parent = await app.ConnectHubAsync(tree.RootSecretary);
        await parent.InvokeAsync<JoinedTenant>("JoinTenant", tree.Root);
        foreach (var hub in new[] { sibling, parent })
            hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => { lock (elsewhere) elsewhere.Add(e); });

        var value = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2024, 42m, 30)).OkJsonAsync();
        var heard = await Eventually.WithinAsync(heardInA);
        Assert.Equal((tenantA, value.Id()), (heard.TenantId, heard.EntityId!.Value));
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses", new
        {
            course = new { title = "Tập huấn", kind = "Training", startsOn = "2026-03-10", endsOn = "2026-03-10", attendees = 3 },
        }).OkJsonAsync();
        Assert.Equal(tenantA, (await Eventually.WithinAsync(heardCourse)).TenantId);
        await Task.Delay(500);
        lock (elsewhere)
            Assert.DoesNotContain(elsewhere, e => e.Type is IndicesLive.IndicesChangedEvent or IndicesLive.TrainingChangedEvent);
    }

    [Fact]
    public async Task Let_only_indices_manage_record_and_plans_view_read()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        await (await staff.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", Papi(2024, 42m, 30))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/t/{tree.ChildA}/api/indices")).StatusCode);
    }

    [Fact]
    public async Task Seed_the_demo_province_s_indices_once()
    {
        var tree = await app.CreateTreeAsync();
        var services = app.Services;
        var tenant = (await services.GetRequiredService<CommitteeCloud.Web.Platform.Tenancy.TenantStore>().FindByCodeAsync(tree.ChildA, CancellationToken.None))!;
        var secretary = await app.UserIdAsync(tree.ASecretary);
        Assert.Equal(20, await CommitteeCloud.Web.Features.Indices.DemoIndices.SeedInAsync(services, tenant, secretary, CancellationToken.None));
        Assert.Equal(0, await CommitteeCloud.Web.Features.Indices.DemoIndices.SeedInAsync(services, tenant, secretary, CancellationToken.None));
        Assert.Equal(20L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM public_index_values WHERE tenant_id = '{tenant.Id}'"));
    }
}

internal static class IndexAssertions
{
    public static void ShouldBe(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);

    /// <summary>The messages of every field whose name ends with <paramref name="field"/> ("score", "course.title").</summary>
    public static string[] FieldErrorsEndingWith(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Where(p => p.Name.EndsWith(field, StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Value.EnumerateArray().Select(e => e.GetString()!))]
            : [];
}
