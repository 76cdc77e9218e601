using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommitteeCloud.IntegrationTests.Api;

/// <summary>A user's mistake gets a clear 4xx Problem Details, never a 500, and nothing is written.</summary>
public sealed class BadInputShould(AppFixture app)
{
    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"email\": 42, \"roles\": \"Secretary\"}")]
    public async Task Answer_400_to_malformed_json(string body)
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var before = await MembershipsAsync(tree.ChildA);
        var response = await client.PostAsync($"/t/{tree.ChildA}/api/members", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await MembershipsAsync(tree.ChildA));
    }

    [Theory]
    [InlineData("/api/indices", "{\"kind\": \"Xyz\", \"year\": 2024, \"score\": 1, \"rank\": 1, \"rankedUnits\": 63}")]
    [InlineData("/api/indices", "{\"kind\": \"Papi\", \"year\": \"năm ngoái\"}")]
    [InlineData("/api/indices", "{\"kind\": \"Papi\", \"year\": 2024, \"score\": 1e400, \"rank\": 1, \"rankedUnits\": 63}")]
    [InlineData("/api/indices", "{}")]
    [InlineData("/api/training-courses", "{\"course\": {\"title\": \"Lớp\", \"kind\": \"Training\", \"startsOn\": \"31/12/2026\", \"endsOn\": \"2026-12-31\", \"attendees\": 1}}")]
    [InlineData("/api/training-courses", "{\"course\": {\"title\": \"Lớp\", \"kind\": \"Training\", \"startsOn\": \"2026-12-31\", \"endsOn\": \"2026-12-31\", \"attendees\": 99999999999}}")]
    [InlineData("/api/training-courses", "{}")]
    public async Task Answer_400_to_indices_and_courses_that_cannot_be_read(string path, string body)
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var tenant = await app.TenantIdAsync(tree.ChildA);
        var response = await client.PostAsync($"/t/{tree.ChildA}{path}", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0L, await app.AdminScalarAsync<long>(
            $"SELECT (SELECT count(*) FROM public_index_values WHERE tenant_id = '{tenant}') + (SELECT count(*) FROM training_courses WHERE tenant_id = '{tenant}')"));
    }

    [Fact]
    public async Task Name_every_missing_field()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("email"));
        Assert.NotEmpty(problem.FieldErrors("roles"));
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Name_every_missing_field_of_a_report_request_and_refuse_an_unknown_kind()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/report-requests", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "kind", "year", "deadline", "templateId", "childTenantIds" }) Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Contains("Hãy chọn mẫu báo cáo.", problem.FieldErrors("templateId"));
        await (await client.PostAsync($"/t/{tree.ChildA}/api/report-requests",
            new StringContent("{\"kind\": \"Monthly\", \"year\": 2026}", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var template = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/report-templates", new
        {
            name = new string('M', 600), sections = new[] { new { title = "" } }, indicators = new[] { new { name = "Số cuộc", unit = "cuộc", rule = "Sum" } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(template.FieldErrors("name"));
        Assert.Contains("Hãy nhập tên phần nội dung.", template.FieldErrors("sections[0].title"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>(
            $"SELECT (SELECT count(*) FROM report_requests r JOIN tenants t ON t.id = r.tenant_id WHERE t.code = '{tree.ChildA}') + (SELECT count(*) FROM report_templates r JOIN tenants t ON t.id = r.tenant_id WHERE t.code = '{tree.ChildA}')"));
    }

    [Fact]
    public async Task Refuse_overlong_strings()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
            new { email = $"long.{tree.Suffix}@test.vn", fullName = new string('A', 5000), position = new string('B', 5000), roles = new[] { "StaffMember" }, initialPassword = "KiemThu@2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("fullName"));
        Assert.NotEmpty(problem.FieldErrors("position"));
    }

    [Fact]
    public async Task Answer_in_english_to_an_api_client_asking_for_it()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var problem = await (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The input is not valid", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Answer_401_to_a_forged_bearer_token()
    {
        var tree = await app.CreateTreeAsync();
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged.token.value");
        await (await client.GetAsync($"/t/{tree.ChildA}/api/members")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Answer_401_to_an_expired_sign_in_cookie()
    {
        var tree = await app.CreateTreeAsync();
        // A genuine cookie, signed with the app's own keys, whose lifetime has ended.
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var userId = await app.UserIdAsync(tree.ASecretary);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], IdentityConstants.ApplicationScheme));
        var properties = new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow.AddHours(-12), ExpiresUtc = DateTimeOffset.UtcNow.AddHours(-1) };
        var cookie = options.TicketDataFormat.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme));
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={cookie}");
        await (await client.GetAsync($"/t/{tree.ChildA}/api/members")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Answer_404_to_a_wrong_tenant_header()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        client.DefaultRequestHeaders.Add("X-Tenant", tree.ChildB);
        await (await client.GetAsync("/api/members")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/members", new { email = $"x.{tree.Suffix}@test.vn", roles = new[] { "StaffMember" } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1L, await MembershipsAsync(tree.ChildB));
    }

    [Fact]
    public async Task Answer_401_with_problem_details_to_a_wrong_password()
    {
        var tree = await app.CreateTreeAsync();
        using var client = app.Anonymous();
        await (await client.PostAsJsonAsync("/api/auth/token", new { userName = tree.ASecretary, password = "sai-mat-khau-1" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var missing = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "" , password = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldErrors("userName"));
    }

    private Task<long> MembershipsAsync(string code) =>
        app.AdminScalarAsync<long>($"SELECT count(*) FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE t.code = '{code}'");
}
