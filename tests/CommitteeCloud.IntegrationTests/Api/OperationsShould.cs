using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Api;

public sealed class OperationsShould(AppFixture app)
{
    [Fact]
    public async Task Report_live_and_ready()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publish_an_openapi_document_with_problem_details_responses()
    {
        using var client = app.Anonymous();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/members", "/api/roles/{id}", "/api/me/notifications", "/api/auth/token", "/api/platform/tenants" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        var addMember = paths.GetProperty("/api/members").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "403", "404", "409" })
            Assert.True(addMember.TryGetProperty(status, out _), $"POST /api/members does not document {status}");
        Assert.True(addMember.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs")).StatusCode);
    }

    [Fact]
    public async Task Answer_404_problem_details_for_an_unknown_api_route()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/api/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
