using System.Text.Json;
using CommitteeCloud.IntegrationTests.Indices;
using CommitteeCloud.IntegrationTests.Plans;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Training;

public sealed class TrainingCoursesShould(AppFixture app)
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");

    private static object Course(string title, string startsOn, string endsOn, int attendees, string kind = "Training") => new
    {
        course = new { title, kind, startsOn, endsOn, place = "Hội trường Tỉnh ủy", organizer = "Ban Dân vận Tỉnh ủy", attendees, note = "Có tài liệu kèm theo" },
    };

    [Fact]
    public async Task Record_list_edit_and_delete_a_course()
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var created = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses",
            Course("Tập huấn nghiệp vụ công tác dân vận năm 2026", "2026-03-10", "2026-03-11", 120));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var course = await created.Content.ReadFromJsonAsync<JsonElement>();
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses",
            Course("Hội nghị quán triệt Kết luận 114-KL/TW", "2025-11-05", "2025-11-05", 300, "Briefing")).OkJsonAsync();

        using var staff = await app.ClientForAsync(tree.AStaff);
        var all = await staff.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/training-courses");
        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal("Tập huấn nghiệp vụ công tác dân vận năm 2026", all[0].Str("title")); // newest first
        var of2025 = await staff.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/training-courses?year=2025");
        Assert.Equal("Briefing", Assert.Single(of2025.EnumerateArray()).Str("kind"));

        var version = course.GetProperty("version").GetUInt32();
        var edited = await officer.PutAsJsonAsync($"/t/{tree.ChildA}/api/training-courses/{course.Id()}", new
        {
            course = new { title = "Tập huấn nghiệp vụ công tác dân vận năm 2026", kind = "Refresher", startsOn = "2026-03-10", endsOn = "2026-03-12", attendees = 135 },
            version,
        }).OkJsonAsync();
        Assert.Equal(135, edited.GetProperty("attendees").GetInt32());
        Assert.Equal("Refresher", edited.Str("kind"));
        var stale = await officer.PutAsJsonAsync($"/t/{tree.ChildA}/api/training-courses/{course.Id()}", new
        {
            course = new { title = "Sửa cũ", kind = "Training", startsOn = "2026-03-10", endsOn = "2026-03-10", attendees = 1 }, version,
        });
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.DeleteAsync($"/t/{tree.ChildA}/api/training-courses/{course.Id()}?version={version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await officer.DeleteAsync($"/t/{tree.ChildA}/api/training-courses/{course.Id()}?version={edited.GetProperty("version").GetUInt32()}")).StatusCode);
        await (await officer.GetAsync($"/t/{tree.ChildA}/api/training-courses/{course.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Count_courses_and_attendees_for_a_plan_by_the_day_they_began()
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var year = PlanApi.Year;
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses", Course("Bồi dưỡng kỹ năng dân vận", Today, Today, 80, "Refresher")).OkJsonAsync();
        await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses", Course("Tập huấn năm trước", $"{year - 1}-12-30", $"{year}-01-02", 500)).OkJsonAsync();
        var plan = await officer.CreatePlanAsync(tree.ChildA, new
        {
            year, title = $"Kế hoạch công tác dân vận năm {year}",
            targets = new object[]
            {
                new { name = "Lớp tập huấn", unit = "lớp", targetValue = 1, kind = "AtLeast", indicatorCode = "training.courses" },
                new { name = "Người tham dự", unit = "lượt", targetValue = 100, kind = "AtLeast", indicatorCode = "training.attendees" },
            },
        });
        Assert.Equal(1m, plan.Target("Lớp tập huấn").GetProperty("actual").GetDecimal());
        Assert.Equal("Met", plan.Target("Lớp tập huấn").Str("status"));
        Assert.Equal(80m, plan.Target("Người tham dự").GetProperty("actual").GetDecimal());
        Assert.Equal("NotMet", plan.Target("Người tham dự").Str("status"));
    }

    [Theory]
    [InlineData("", "Training", "2026-03-10", "2026-03-11", 10, "title")]
    [InlineData("Lớp", "Training", "2026-03-10", "2026-03-09", 10, "endsOn")]
    [InlineData("Lớp", "Training", "2026-03-10", "2026-03-11", -1, "attendees")]
    [InlineData("Lớp", null, "2026-03-10", "2026-03-11", 10, "kind")]
    public async Task Refuse_bad_input_with_a_vietnamese_field_message(string title, string? kind, string startsOn, string endsOn, int attendees, string field)
    {
        var tree = await app.CreateTreeAsync();
        using var officer = await app.ClientForAsync(tree.ASecretary);
        var response = await officer.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses", new { course = new { title, kind, startsOn, endsOn, attendees } });
        Assert.NotEmpty((await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrorsEndingWith(field));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM training_courses WHERE tenant_id = '{await app.TenantIdAsync(tree.ChildA)}'"));
    }

    [Fact]
    public async Task Let_only_plans_manage_record()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        await (await staff.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses", Course("Lớp", "2026-03-10", "2026-03-10", 1)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Seed_demo_courses_once()
    {
        var tree = await app.CreateTreeAsync();
        var tenant = (await app.Services.GetRequiredService<CommitteeCloud.Web.Platform.Tenancy.TenantStore>().FindByCodeAsync(tree.ChildA, CancellationToken.None))!;
        var secretary = await app.UserIdAsync(tree.ASecretary);
        var first = await CommitteeCloud.Web.Features.Training.DemoTraining.SeedInAsync(app.Services, tenant, secretary, CancellationToken.None);
        Assert.True(first > 0);
        Assert.Equal(0, await CommitteeCloud.Web.Features.Training.DemoTraining.SeedInAsync(app.Services, tenant, secretary, CancellationToken.None));
        Assert.Equal(first, await app.AdminScalarAsync<long>($"SELECT count(*) FROM training_courses WHERE tenant_id = '{tenant.Id}'"));
    }
}
