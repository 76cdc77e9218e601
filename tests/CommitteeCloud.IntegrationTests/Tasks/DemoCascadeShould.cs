using System.Net.Http.Headers;
using System.Text.Json;
using CommitteeCloud.Web.Features.Directives;
using CommitteeCloud.Web.Features.TenantTrees;
using CommitteeCloud.Web.Platform.Database;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>
/// The demo's Công văn 1866-CV/TU, seeded over the demo tree as the people in it would do it. The demo tree's codes
/// are fixed, so this is the only test in the assembly that applies it, and everything is checked in one test.
/// </summary>
public sealed class DemoCascadeShould(AppFixture app)
{
    private const string Province = DemoCascade.Province;

    [Fact]
    public async Task Hand_the_six_points_down_with_a_living_cascade_and_do_nothing_the_second_time()
    {
        var root = DatabaseBootstrapper.FindRepositoryRoot(AppContext.BaseDirectory);
        await TenantTreeLoader.ApplyFileAsync(app.Services, Path.Combine(root, "tenants", "demo-province.json"), CancellationToken.None);

        var first = await DemoCascade.SeedAsync(app.Services, CancellationToken.None);
        Assert.True(first.Created);
        Assert.Equal(5 * DemoCascade.Recipients.Length + 2, first.Handoffs);

        using var province = await ClientAsync("bithu.tinh");
        var register = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/directives?search=1866");
        var listed = Assert.Single(register.EnumerateArray());
        Assert.Equal("Issued", listed.Str("status"));
        var directive = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/directives/{listed.Id()}");
        Assert.Equal("Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư Trung ương Đảng khoá XI", directive.Str("implementsReference"));
        var points = directive.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], points.Select(p => p.GetProperty("pointNumber").GetInt32()));

        // Points 1-5 went to every recipient as lead; point 6 to the Ban Dân vận (lead) and the People's Committee (coordinating).
        foreach (var point in points.Take(5))
        {
            var task = await province.TaskAsync(Province, point.GetProperty("taskId").GetGuid());
            var handoffs = task.GetProperty("handoffs").EnumerateArray().ToList();
            Assert.Equal(DemoCascade.Recipients.Order(), handoffs.Select(h => h.Str("recipientCode")).Order());
            Assert.All(handoffs, h => Assert.Equal("Lead", h.Str("role")));
        }
        var sixth = await province.TaskAsync(Province, points[5].GetProperty("taskId").GetGuid());
        var sixthHandoffs = sixth.GetProperty("handoffs").EnumerateArray().ToDictionary(h => h.Str("recipientCode"), h => h.Str("role"));
        Assert.Equal(new Dictionary<string, string> { ["ban-dan-van-ls"] = "Lead", ["dang-uy-ubnd-ls"] = "Coordinating" }, sixthHandoffs);
        Assert.Equal("Recurring", sixth.Str("deadlineKind"));
        Assert.Equal("Quarterly", sixth.Str("recurrence"));
        var year = sixth.GetProperty("recurFrom").GetString()![..4];
        Assert.Equal(new[] { "I", "II", "III", "IV" }.Select(q => $"Quý {q}/{year}"),
            sixth.GetProperty("periods").EnumerateArray().Select(p => p.Str("label")));

        // The communes' work has rolled up to the province, and the province's cascade reaches the cells.
        var pointOne = points[0].GetProperty("taskId").GetGuid();
        var rolledUp = await Eventually.ValueAsync(() => province.TaskAsync(Province, pointOne), t => t.GetProperty("percent").GetDecimal() > 0);
        Assert.True(rolledUp.GetProperty("percent").GetDecimal() > 0);
        var timeliness = rolledUp.GetProperty("handoffs").EnumerateArray().Select(h => h.Str("timeliness")).ToHashSet();
        Assert.Contains("Overdue", timeliness);
        Assert.Contains("CompletedLate", timeliness);
        var cascade = await Eventually.ValueAsync(() => province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/tasks/{pointOne}/cascade"),
            c => c.GetProperty("nodes").EnumerateArray().Any(n => n.Str("unitCode") == "phuong-luong-van-tri-cb1"));
        var units = cascade.GetProperty("nodes").EnumerateArray().Select(n => n.Str("unitCode")).ToList();
        Assert.Contains("phuong-luong-van-tri-cb1", units);
        Assert.Contains("xa-van-quan-cb1", units);
        Assert.Equal(Province, units[0]);

        // A commune's reporter sees the cell's task; the province's list shows every kind of timeliness.
        using var reporter = await ClientAsync("baocao.xa1");
        var cellTasks = await reporter.TasksAsync("phuong-luong-van-tri-cb1");
        Assert.Equal("Accepted", Assert.Single(cellTasks.GetProperty("items").EnumerateArray()).Str("state"));
        var received = await reporter.TasksAsync("phuong-luong-van-tri", "?scope=Received");
        // (Counted by origin: the demo plan and dialogues, seeded by other tests of this class, hand it tasks too.)
        Assert.Equal(5, received.GetProperty("items").EnumerateArray().Count(t => t.Str("origin") == "Directive"));

        // A second run finds the directive and writes nothing (counted in the demo tree only: other tests run alongside).
        var written = $"""
            SELECT (SELECT count(*) FROM tasks WHERE tenant_id IN ({Demo}))
                 + (SELECT count(*) FROM task_updates WHERE tenant_id IN ({Demo}))
                 + (SELECT count(*) FROM directives WHERE tenant_id IN ({Demo}))
                 + (SELECT count(*) FROM outbox_messages WHERE tenant_id IN ({Demo}))
            """;
        // The first run's reports are still travelling up (each roll-up may raise the next): wait until they settle.
        await Eventually.ValueAsync(() => app.AdminScalarAsync<long>($"""
            SELECT count(*) FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id
            WHERE d.completed_at IS NULL AND d.failed_at IS NULL AND m.tenant_id IN ({Demo})
            """), pending => pending == 0, TimeSpan.FromSeconds(60));
        var before = await app.AdminScalarAsync<long>(written);
        var second = await DemoCascade.SeedAsync(app.Services, CancellationToken.None);
        Assert.False(second.Created);
        Assert.Equal(before, await app.AdminScalarAsync<long>(written));

        // The demo's suggestion box, seeded over the same tree (its codes are fixed too): once, then never again.
        Assert.Equal(4, await CommitteeCloud.Web.Features.Suggestions.DemoSuggestions.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(0, await CommitteeCloud.Web.Features.Suggestions.DemoSuggestions.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal("2/2/2", await app.AdminScalarAsync<string>($"SELECT count(*) FILTER (WHERE is_anonymous) || '/' || count(*) FILTER (WHERE status = 'Published') || '/' || count(*) FILTER (WHERE author_user_id IS NOT NULL) FROM suggestions WHERE tenant_id IN ({Demo})"));

        // The province's indices 2021–2025 and its 2026 training courses: once, then never again.
        Assert.Equal(20, await CommitteeCloud.Web.Features.Indices.DemoIndices.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(0, await CommitteeCloud.Web.Features.Indices.DemoIndices.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(4, await CommitteeCloud.Web.Features.Training.DemoTraining.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(0, await CommitteeCloud.Web.Features.Training.DemoTraining.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal("20/4", await app.AdminScalarAsync<string>($"SELECT (SELECT count(*) FROM public_index_values WHERE tenant_id IN ({Demo})) || '/' || (SELECT count(*) FROM training_courses WHERE tenant_id IN ({Demo}))"));
    }

    // In this class: the demo tree's codes are fixed, and tests of one class never run at the same time.
    [Fact]
    public async Task Seed_the_2026_registration_round_and_models_once()
    {
        var root = DatabaseBootstrapper.FindRepositoryRoot(AppContext.BaseDirectory);
        await TenantTreeLoader.ApplyFileAsync(app.Services, Path.Combine(root, "tenants", "demo-province.json"), CancellationToken.None);
        await CommitteeCloud.Web.Features.Commitments.DemoCommitments.SeedAsync(app.Services, CancellationToken.None);
        var rounds = $"SELECT count(*) FROM commitment_rounds WHERE tenant_id IN ({Demo})";
        Assert.Equal(1L, await app.AdminScalarAsync<long>(rounds));
        Assert.StartsWith("Đăng ký thi đua năm 2026 already there", await CommitteeCloud.Web.Features.Commitments.DemoCommitments.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(1L, await app.AdminScalarAsync<long>(rounds));

        using var province = await ClientAsync("bithu.tinh");
        var round = (await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/commitment-rounds?year=2026"))[0];
        var board = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/commitment-rounds/{round.Id()}");
        var counts = board.GetProperty("counts");
        Assert.Equal((1, 1, 1), (counts.GetProperty("approved").GetInt32(), counts.GetProperty("returned").GetInt32(), counts.GetProperty("registered").GetInt32()));
        var funnel = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/models/funnel?year=2026");
        Assert.Equal([3, 2, 1, 1, 1], new[] { "registered", "surveyed", "recognized", "typical", "proposed" }.Select(k => funnel.GetProperty(k).GetInt32()).ToArray());
    }

    // In this class: the demo tree's codes are fixed, and tests of one class never run at the same time.
    [Fact]
    public async Task Seed_the_2026_review_cycle_once()
    {
        var root = DatabaseBootstrapper.FindRepositoryRoot(AppContext.BaseDirectory);
        await TenantTreeLoader.ApplyFileAsync(app.Services, Path.Combine(root, "tenants", "demo-province.json"), CancellationToken.None);
        await CommitteeCloud.Web.Features.Reviews.DemoReviews.SeedAsync(app.Services, CancellationToken.None);
        var written = $"SELECT (SELECT count(*) FROM review_cycles WHERE tenant_id IN ({Demo})) || '/' || (SELECT count(*) FROM criteria_templates WHERE tenant_id IN ({Demo})) || '/' || (SELECT count(*) FROM self_assessments WHERE tenant_id IN ({Demo})) || '/' || (SELECT count(*) FROM audit_entries WHERE tenant_id IN ({Demo}))";
        var before = await app.AdminScalarAsync<string>(written);
        Assert.StartsWith("1/2/9/", before);
        Assert.Contains("nothing else to do", await CommitteeCloud.Web.Features.Reviews.DemoReviews.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(before, await app.AdminScalarAsync<string>(written));

        using var province = await ClientAsync("bithu.tinh");
        var cycle = (await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/review-cycles?year=2026"))[0];
        Assert.Equal(2, cycle.GetProperty("submitted").GetInt32());
        var board = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/review-cycles/{cycle.Id()}");
        Assert.Equal(1, board.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("adjusted").GetInt32()));
    }

    [Fact]
    public async Task Seed_the_quarterly_report_request_once()
    {
        var root = DatabaseBootstrapper.FindRepositoryRoot(AppContext.BaseDirectory);
        await TenantTreeLoader.ApplyFileAsync(app.Services, Path.Combine(root, "tenants", "demo-province.json"), CancellationToken.None);
        var first = await CommitteeCloud.Web.Features.Reports.DemoReports.SeedAsync(app.Services, CancellationToken.None);
        Assert.Contains("1 on time, 1 late, 1 returned, 1 drafted", first);
        var written = $"SELECT (SELECT count(*) FROM report_requests WHERE tenant_id IN ({Demo})) * 1000 + (SELECT count(*) FROM reports WHERE tenant_id IN ({Demo}))";
        var before = await app.AdminScalarAsync<long>(written);
        Assert.StartsWith("Báo cáo công tác dân vận quý already there", await CommitteeCloud.Web.Features.Reports.DemoReports.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(before, await app.AdminScalarAsync<long>(written));

        using var province = await ClientAsync("bithu.tinh");
        var request = (await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/report-requests"))
            .EnumerateArray().OrderBy(r => r.GetProperty("opensOn").GetString(), StringComparer.Ordinal).First();
        var board = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/report-requests/{request.Id()}");
        var counts = board.GetProperty("counts");
        Assert.Equal((1, 1, 1), (counts.GetProperty("onTime").GetInt32(), counts.GetProperty("late").GetInt32(), counts.GetProperty("returned").GetInt32()));
    }

    // In this class, not its own: tests of one class run one after the other, and both seed the same demo tree.
    [Fact]
    public async Task Seed_the_demo_dialogues_once()
    {
        var root = DatabaseBootstrapper.FindRepositoryRoot(AppContext.BaseDirectory);
        await TenantTreeLoader.ApplyFileAsync(app.Services, Path.Combine(root, "tenants", "demo-province.json"), CancellationToken.None);
        await CommitteeCloud.Web.Features.Dialogues.DemoDialogues.SeedAsync(app.Services, CancellationToken.None);
        var count = $"SELECT count(*) FROM dialogues WHERE tenant_id = (SELECT id FROM tenants WHERE code = '{Province}')";
        var before = await app.AdminScalarAsync<long>(count);
        Assert.Equal(3, before);
        Assert.Contains("nothing to do", await CommitteeCloud.Web.Features.Dialogues.DemoDialogues.SeedAsync(app.Services, CancellationToken.None));
        Assert.Equal(before, await app.AdminScalarAsync<long>(count));

        using var province = await ClientAsync("bithu.tinh");
        var list = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/dialogues");
        var held = list.GetProperty("items").EnumerateArray().First(d => d.Str("title") == CommitteeCloud.Web.Features.Dialogues.DemoDialogues.HeldTitle);
        var detail = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/dialogues/{held.Id()}");
        Assert.Equal(3, detail.GetProperty("questions").GetArrayLength());
        Assert.Single(detail.GetProperty("followUps").EnumerateArray());
    }

    private const string Demo = "SELECT id FROM tenants WHERE path <@ (SELECT path FROM tenants WHERE code = 'tinh-uy-ls')";

    [Fact]
    public async Task Issue_the_demo_plan_once_to_the_province_units()
    {
        var root = DatabaseBootstrapper.FindRepositoryRoot(AppContext.BaseDirectory);
        await TenantTreeLoader.ApplyFileAsync(app.Services, Path.Combine(root, "tenants", "demo-province.json"), CancellationToken.None);

        var first = await CommitteeCloud.Web.Features.Plans.DemoPlan.SeedAsync(app.Services, CancellationToken.None);
        Assert.Contains("issued", first, StringComparison.Ordinal);
        using var province = await ClientAsync("bithu.tinh");
        var plans = await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/plans");
        var plan = Assert.Single(plans.GetProperty("plans").EnumerateArray(), p => p.GetProperty("year").GetInt32() == 2026);
        Assert.Equal("Issued", plan.Str("status"));
        Assert.True(plan.GetProperty("activityCount").GetInt32() > 0);

        var second = await CommitteeCloud.Web.Features.Plans.DemoPlan.SeedAsync(app.Services, CancellationToken.None);
        Assert.Contains("nothing to do", second, StringComparison.Ordinal);
        Assert.Single((await province.GetFromJsonAsync<JsonElement>($"/t/{Province}/api/plans")).GetProperty("plans").EnumerateArray(),
            p => p.GetProperty("year").GetInt32() == 2026);
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "DanVan@2026" });
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        return client;
    }
}
