using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Plans;

/// <summary>An annual plan drafted, issued down the tree as a Kế hoạch with its tasks, followed target by target, and reviewed.</summary>
public sealed class PlansShould(AppFixture app)
{
    [Fact]
    public async Task Hand_activities_down_as_a_plan_directive_with_tasks_and_own_tasks()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        var draft = await root.CreatePlanAsync(tree.Root, PlanApi.Plan(PlanApi.Year, lead: a, coordinating: b, number: "05-KH/TU"));
        Assert.Equal("Draft", draft.Str("status"));

        var issued = await root.PostOkAsync($"/t/{tree.Root}/api/plans/{draft.Id()}/issue");
        Assert.Equal("Issued", issued.Str("status"));
        var activities = issued.GetProperty("activities").EnumerateArray().ToList();
        Assert.All(activities, x => Assert.Equal("InProgress", x.Str("taskState")));

        // The province's own tasks: both activities, of origin Kế hoạch; the first went to A (lead) and B (coordinating).
        var rootTask = await root.TaskAsync(tree.Root, activities[0].GetProperty("taskId").GetGuid());
        Assert.Equal("Plan", rootTask.Str("origin"));
        Assert.Equal(2, rootTask.GetProperty("handoffs").GetArrayLength());
        Assert.Empty((await root.TaskAsync(tree.Root, activities[1].GetProperty("taskId").GetGuid())).GetProperty("handoffs").EnumerateArray());

        // A received the plan as a directive of kind Kế hoạch, and the task it leads.
        var aPlans = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/plans");
        var received = aPlans.GetProperty("received").EnumerateArray().Single();
        Assert.Equal("05-KH/TU", received.Str("number"));
        Assert.Equal(1, received.GetProperty("taskCount").GetInt32());
        var copy = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/directives/{received.GetProperty("directiveId").GetGuid()}");
        Assert.Equal("Plan", copy.Str("kind"));
        Assert.Equal("Received", copy.Str("status"));
        var aTasks = await aSecretary.TasksAsync(tree.ChildA, "?scope=Received");
        var aTask = aTasks.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân", aTask.Str("title"));
        Assert.Equal("Plan", aTask.Str("origin"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tasks WHERE tenant_id = '{b}' AND role_in_parent = 'Coordinating'"));

        // A's own plan implements the province's: "thực hiện Kế hoạch số 05-KH/TU ... của ...".
        var aPlan = await aSecretary.CreatePlanAsync(tree.ChildA, new
        {
            year = PlanApi.Year, title = $"Kế hoạch thực hiện công tác dân vận năm {PlanApi.Year}",
            implementsDirectiveId = received.GetProperty("directiveId").GetGuid(),
            activities = new[] { new { title = "Đối thoại với Nhân dân", from = $"{PlanApi.Year}-03-01", to = $"{PlanApi.Year}-12-31" } },
        });
        Assert.StartsWith("Kế hoạch số 05-KH/TU", aPlan.Str("implementsReference"));

        // Issuing again answers the same and hands nothing down twice.
        await root.PostOkAsync($"/t/{tree.Root}/api/plans/{draft.Id()}/issue");
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tasks WHERE tenant_id = '{a}'"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM directives WHERE tenant_id = '{b}'"));
    }

    [Fact]
    public async Task Show_actual_against_target_from_live_task_completions_and_typed_figures()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var plan = await root.CreatePlanAsync(tree.Root, PlanApi.Plan(PlanApi.Year));
        plan = await root.PostOkAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/issue");
        Assert.Equal(0m, plan.Target("Nhiệm vụ hoàn thành").GetProperty("actual").GetDecimal());
        Assert.Equal("NotMet", plan.Target("Nhiệm vụ hoàn thành").Str("status"));
        Assert.Equal("NoData", plan.Target("Chỉ số PAPI").Str("status"));

        // The unit completes one of its plan's tasks: the automatic target is met.
        var taskId = plan.GetProperty("activities")[1].GetProperty("taskId").GetGuid();
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{taskId}/complete");
        plan = await root.PlanAsync(tree.Root, plan.Id());
        Assert.Equal(1m, plan.Target("Nhiệm vụ hoàn thành").GetProperty("actual").GetDecimal());
        Assert.Equal("Met", plan.Target("Nhiệm vụ hoàn thành").Str("status"));
        Assert.Equal("Accepted", plan.GetProperty("activities")[1].Str("taskState"));

        // A rank typed by hand: 8th against a target of 10th is better than planned (lower is better).
        var papi = plan.Target("Chỉ số PAPI").Id();
        plan = await root.PutAsJsonAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/targets/{papi}/actual", new { actual = 8 }).OkJsonAsync();
        Assert.Equal("Exceeded", plan.Target("Chỉ số PAPI").Str("status"));
        plan = await root.PutAsJsonAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/targets/{papi}/actual", new { actual = 12 }).OkJsonAsync();
        Assert.Equal("NotMet", plan.Target("Chỉ số PAPI").Str("status"));

        // An automatic target takes no typed figure.
        var automatic = plan.Target("Nhiệm vụ hoàn thành").Id();
        var refused = await root.PutAsJsonAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/targets/{automatic}/actual", new { actual = 5 });
        Assert.NotEmpty((await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("actual"));
    }

    [Fact]
    public async Task Pre_fill_reviews_and_close_the_plan_with_the_year_end_review()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var plan = await root.CreatePlanAsync(tree.Root, PlanApi.Plan(PlanApi.Year));
        var early = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/reviews", new { kind = "MidYear" });
        await early.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        plan = await root.PostOkAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/issue");
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{plan.GetProperty("activities")[1].GetProperty("taskId").GetGuid()}/complete");

        var review = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/reviews", new { kind = "YearEnd" }).OkJsonAsync();
        Assert.Equal("Draft", review.Str("status"));
        Assert.Equal($"{PlanApi.Year}-12-31", review.Str("periodTo"));
        var figures = review.GetProperty("figures");
        Assert.Equal(2, figures.GetProperty("targets").GetArrayLength());
        Assert.Equal(1m, figures.GetProperty("targets").EnumerateArray().Single(t => t.Str("name") == "Nhiệm vụ hoàn thành").GetProperty("actual").GetDecimal());
        Assert.Equal(2, figures.GetProperty("activities").GetArrayLength());
        Assert.Equal(1, figures.GetProperty("tasksCompletedOnTime").GetInt32());
        Assert.Equal(1, figures.GetProperty("tasksInProgress").GetInt32());
        Assert.Contains("đạt và vượt 1/2 chỉ tiêu", review.Str("results"));

        // A second year-end review is a conflict.
        await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/reviews", new { kind = "YearEnd" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var reviewUrl = $"/t/{tree.Root}/api/plans/{plan.Id()}/reviews/{review.Id()}";
        review = await root.PutAsJsonAsync(reviewUrl, new
        {
            results = "Hoàn thành các chỉ tiêu chủ yếu.", shortcomings = "Đối thoại ở cơ sở còn hình thức.", causes = "Nhận thức chưa đầy đủ.",
            lessons = "Người đứng đầu phải trực tiếp đối thoại.", nextDirections = "Tiếp tục thực hiện Năm dân vận chính quyền.",
            version = review.GetProperty("version").GetUInt32(),
        }).OkJsonAsync();
        Assert.Equal("Đối thoại ở cơ sở còn hình thức.", review.Str("shortcomings"));
        review = await root.PostOkAsync($"{reviewUrl}/issue");
        Assert.Equal("Issued", review.Str("status"));
        Assert.Equal("Closed", (await root.PlanAsync(tree.Root, plan.Id())).Str("status"));

        // Issued: read-only.
        var late = await root.PutAsJsonAsync(reviewUrl, new { results = "Sửa sau khi ban hành" });
        await late.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Hoàn thành các chỉ tiêu chủ yếu.", (await root.GetFromJsonAsync<JsonElement>(reviewUrl)).Str("results"));
    }

    [Fact]
    public async Task Copy_last_year_s_plan_into_a_draft_one_year_on()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var last = await root.CreatePlanAsync(tree.Root, PlanApi.Plan(PlanApi.Year - 1, lead: a));
        var copy = await root.PostAsync($"/t/{tree.Root}/api/plans/{last.Id()}/copy", null).OkJsonAsync();
        Assert.Equal(PlanApi.Year, copy.GetProperty("year").GetInt32());
        Assert.Equal("Draft", copy.Str("status"));
        Assert.Equal($"Kế hoạch công tác dân vận năm {PlanApi.Year}", copy.Str("title"));
        Assert.Equal(last.GetProperty("objectives").GetArrayLength(), copy.GetProperty("objectives").GetArrayLength());
        Assert.Equal(2, copy.GetProperty("targets").GetArrayLength());
        var activity = copy.GetProperty("activities")[0];
        Assert.Equal($"{PlanApi.Year}-02-01", activity.Str("from"));
        Assert.Equal(a, activity.GetProperty("leadUnits")[0].Id());
        Assert.NotEqual(last.GetProperty("activities")[0].Id(), activity.Id());

        // The year now has its plan: copying again is a conflict.
        await (await root.PostAsync($"/t/{tree.Root}/api/plans/{last.Id()}/copy", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Refuse_bad_input_with_the_field_named_and_write_nothing()
    {
        var tree = await app.CreateTreeAsync();
        var rootId = await app.TenantIdAsync(tree.Root);
        using var root = await app.ClientForAsync(tree.RootSecretary);

        var negative = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans", new
        {
            plan = new { year = PlanApi.Year, title = "Kế hoạch", targets = new[] { new { name = "Cuộc đối thoại", unit = "cuộc", targetValue = -1 } } },
        });
        Assert.NotEmpty((await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("plan.targets[0].targetValue"));

        var outside = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans", new
        {
            plan = new { year = PlanApi.Year, title = "Kế hoạch", activities = new[] { new { title = "Việc năm sau", from = $"{PlanApi.Year}-12-01", to = $"{PlanApi.Year + 1}-01-15" } } },
        });
        Assert.NotEmpty((await outside.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("plan.activities[0].to"));

        var stranger = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans", new
        {
            plan = new { year = PlanApi.Year, title = "Kế hoạch", activities = new[] { new { title = "Giao cho đơn vị lạ", from = $"{PlanApi.Year}-03-01", to = $"{PlanApi.Year}-04-01", leadTenantIds = new[] { await app.TenantIdAsync(tree.GrandchildA1) } } } },
        });
        Assert.NotEmpty((await stranger.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("plan.activities[0].leadTenantIds"));

        var unknownIndicator = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans", new
        {
            plan = new { year = PlanApi.Year, title = "Kế hoạch", targets = new[] { new { name = "X", unit = "x", targetValue = 1, indicatorCode = "khong.co" } } },
        });
        Assert.NotEmpty((await unknownIndicator.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("plan.targets[0].indicatorCode"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM annual_plans WHERE tenant_id = '{rootId}'"));

        // One plan a year.
        await root.CreatePlanAsync(tree.Root, PlanApi.Plan(PlanApi.Year));
        var second = await root.PostAsJsonAsync($"/t/{tree.Root}/api/plans", new { plan = PlanApi.Plan(PlanApi.Year) });
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM annual_plans WHERE tenant_id = '{rootId}'"));
    }

    [Fact]
    public async Task Hand_nothing_down_when_issuing_fails_for_one_unit()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var plan = await root.CreatePlanAsync(tree.Root, PlanApi.Plan(PlanApi.Year, lead: a, coordinating: b));
        await root.PostAsync($"/t/{tree.Root}/api/tenants/{tree.ChildB}/suspend", null).OkJsonAsync();

        var refused = await root.PostAsync($"/t/{tree.Root}/api/plans/{plan.Id()}/issue", null);
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Draft", (await root.PlanAsync(tree.Root, plan.Id())).Str("status"));
        var rootId = await app.TenantIdAsync(tree.Root);
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tasks WHERE tenant_id IN ('{rootId}', '{a}', '{b}')"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM directives WHERE tenant_id IN ('{rootId}', '{a}', '{b}')"));
    }

    [Fact]
    public async Task Never_show_a_child_the_parent_s_draft()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        var draft = await root.CreatePlanAsync(tree.Root, PlanApi.Plan(PlanApi.Year, lead: a));

        var aPlans = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/plans");
        Assert.Empty(aPlans.GetProperty("plans").EnumerateArray());
        Assert.Empty(aPlans.GetProperty("received").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await aSecretary.GetAsync($"/t/{tree.ChildA}/api/plans/{draft.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aSecretary.GetAsync($"/t/{tree.Root}/api/plans/{draft.Id()}")).StatusCode);
        await using var conn = await app.AppConnectionAsync(a);
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM annual_plans", conn);
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task List_the_indicators_every_feature_offers()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        var indicators = await staff.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/plans/indicators");
        var tasksCompleted = indicators.EnumerateArray().Single(i => i.Str("code") == "tasks.completed");
        Assert.Equal("nhiệm vụ", tasksCompleted.Str("unit"));
        var refused = await staff.PostAsJsonAsync($"/t/{tree.ChildA}/api/plans", new { plan = PlanApi.Plan(PlanApi.Year) });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
