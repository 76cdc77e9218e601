using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Api;

public sealed class MembersApiShould(AppFixture app)
{
    [Fact]
    public async Task Add_a_new_person_with_roles_and_list_them()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var email = $"new.{tree.Suffix}@test.vn";
        var response = await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
            new { email, fullName = "Nguyễn Thị Mới", position = "Cán bộ dân vận", roles = new[] { "MassMobilizationOfficer" }, initialPassword = "MatKhau@2026" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("newAccount").GetBoolean());

        var members = await client.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/members");
        var added = members.EnumerateArray().Single(m => m.GetProperty("email").GetString() == email);
        Assert.Equal("Nguyễn Thị Mới", added.GetProperty("fullName").GetString());
        Assert.Equal(["Cán bộ dân vận"], added.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Reuse_the_account_of_a_person_already_in_another_tenant()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.RootSecretary);
        var response = await client.PostAsJsonAsync($"/t/{tree.Root}/api/members",
            new { email = $"{tree.ASecretary}@test.vn", roles = new[] { "StaffMember" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("newAccount").GetBoolean());
        Assert.Equal(await app.UserIdAsync(tree.ASecretary), result.GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Refuse_a_second_membership_of_the_same_person_with_409()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var response = await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
            new { email = $"{tree.AStaff}@test.vn", roles = new[] { "StaffMember" } });
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Name_the_fields_of_a_new_account_that_are_missing()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
            new { email = $"nobody.{tree.Suffix}@test.vn", roles = new[] { "StaffMember" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("fullName"));
    }

    [Fact]
    public async Task Refuse_a_weak_initial_password_with_a_vietnamese_message()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
            new { email = $"weak.{tree.Suffix}@test.vn", fullName = "Yếu", roles = new[] { "StaffMember" }, initialPassword = "abc" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.FieldErrors("initialPassword"), m => m.Contains("Mật khẩu"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM users WHERE email = 'weak.{tree.Suffix}@test.vn'"));
    }

    [Fact]
    public async Task Refuse_an_unknown_role()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
            new { email = $"{tree.BSecretary}@test.vn", roles = new[] { "Emperor" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("roles"));
    }
}
