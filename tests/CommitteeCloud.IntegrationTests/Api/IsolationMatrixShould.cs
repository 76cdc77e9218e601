namespace CommitteeCloud.IntegrationTests.Api;

/// <summary>
/// Every tenant endpoint, called on tenant A by people who are not members of A (a sibling, a child, the parent,
/// a stranger from another tree) and by nobody: they get 404/401 and learn nothing, and nothing is written.
/// </summary>
public sealed class IsolationMatrixShould(AppFixture app)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/tenant" },
        { "GET", "/api/members" },
        { "POST", "/api/members" },
        { "GET", "/api/roles" },
        { "PUT", "/api/roles/01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c" },
        { "GET", "/api/audit" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_sibling_tenant_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.BSecretary, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_child_tenant_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.A1Member, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_parent_secretary_who_is_not_a_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.RootSecretary, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_stranger_from_another_tree(string method, string path) =>
        await AssertOutsiderRefused(t => t.Stranger, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_401_to_an_anonymous_caller(string method, string path) =>
        await AssertOutsiderRefused(null, method, path, HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("POST", "/api/members")]
    [InlineData("PUT", "/api/roles/01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c")]
    public async Task Answer_403_to_a_member_without_the_permission(string method, string path)
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.AStaff);
        var response = await SendAsync(client, method, $"/t/{tree.ChildA}{path}");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task AssertOutsiderRefused(Func<TestTree, string>? caller, string method, string path, HttpStatusCode expected)
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        var before = await WrittenInAsync(tenantA);
        using var client = caller is null ? app.Anonymous() : await app.ClientForAsync(caller(tree));

        foreach (var url in new[] { $"/t/{tree.ChildA}{path}", path })
        {
            using var request = Request(method, url);
            if (url == path) request.Headers.Add("X-Tenant", tree.ChildA);
            var response = await client.SendAsync(request);
            var problem = await response.ShouldBeProblemAsync(expected);
            var body = problem.ToString();
            Assert.DoesNotContain(tree.ASecretary, body);
            Assert.DoesNotContain("Đảng ủy xã A", body);
        }
        Assert.Equal(before, await WrittenInAsync(tenantA));
    }

    private Task<long> WrittenInAsync(Guid tenantId) => app.AdminScalarAsync<long>(
        $"SELECT (SELECT count(*) FROM memberships WHERE tenant_id = '{tenantId}') * 1000 + (SELECT count(*) FROM audit_entries WHERE tenant_id = '{tenantId}')");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) => client.SendAsync(Request(method, url));

    private static HttpRequestMessage Request(string method, string url) => method switch
    {
        "POST" => new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { email = "intruder@test.vn", fullName = "Kẻ lạ", roles = new[] { "Secretary" }, initialPassword = "KiemThu@2026" }),
        },
        "PUT" => new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = JsonContent.Create(new { displayName = "x", permissions = Array.Empty<string>(), version = 1 }),
        },
        _ => new HttpRequestMessage(HttpMethod.Get, url),
    };
}
