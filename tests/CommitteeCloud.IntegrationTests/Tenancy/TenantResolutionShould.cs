namespace CommitteeCloud.IntegrationTests.Tenancy;

public sealed class TenantResolutionShould(AppFixture app)
{
    [Fact]
    public async Task Resolve_the_tenant_from_the_route_prefix()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var tenant = await client.GetFromJsonAsync<TenantResponse>($"/t/{tree.ChildA}/api/tenant");
        Assert.Equal(tree.ChildA, tenant!.Code);
    }

    [Fact]
    public async Task Resolve_the_tenant_from_the_X_Tenant_header()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        client.DefaultRequestHeaders.Add("X-Tenant", tree.ChildA);
        var tenant = await client.GetFromJsonAsync<TenantResponse>("/api/tenant");
        Assert.Equal(tree.ChildA, tenant!.Code);
    }

    [Fact]
    public async Task Answer_404_for_an_unknown_tenant_code()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await client.GetAsync("/t/khong-ton-tai/api/tenant")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy đơn vị", problem.GetProperty("title").GetString());
        await (await client.GetAsync("/t/NOT A CODE!/api/tenant")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Answer_403_for_a_suspended_tenant()
    {
        var tree = await app.CreateTreeAsync();
        await app.AdminSqlAsync($"UPDATE tenants SET status = 'Suspended' WHERE code = '{tree.ChildB}'");
        app.Services.GetRequiredService<Web.Platform.Tenancy.TenantStore>().Invalidate(
            (await app.Services.GetRequiredService<Web.Platform.Tenancy.TenantStore>().FindByCodeAsync(tree.ChildB))!);
        using var client = await app.ClientForAsync(tree.BSecretary);
        await (await client.GetAsync($"/t/{tree.ChildB}/api/tenant")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Answer_400_when_a_tenant_endpoint_gets_no_tenant()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        await (await client.GetAsync("/api/members")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private sealed record TenantResponse(string Code, string Name);
}
