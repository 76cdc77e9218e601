using System.Text.Json;
using CommitteeCloud.Web.Features.TenantTrees;

namespace CommitteeCloud.IntegrationTests.Platform;

public sealed class PlatformOperatorShould(AppFixture app)
{
    [Fact]
    public async Task Create_a_root_tenant_with_its_secretary_and_list_the_roots()
    {
        var tree = await app.CreateTreeAsync();
        var operatorName = $"quantri.{tree.Suffix}";
        await TenantTreeLoader.ApplyAsync(app.Services,
            new TenantTreeFile([new PersonSpec(operatorName, "Quản trị", $"{operatorName}@test.vn", AppFixture.Password, PlatformOperator: true)], []),
            "test", CancellationToken.None);
        using var op = await app.ClientForAsync(operatorName);
        var code = $"tinh-moi-{tree.Suffix}";
        var created = await op.PostAsJsonAsync("/api/platform/tenants",
            new { code, name = "Tỉnh ủy Mới", kind = "PartyCommittee", levelLabel = "Tỉnh", secretaryUserName = tree.Stranger, secretaryPosition = "Bí thư" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var roots = await op.GetFromJsonAsync<JsonElement>("/api/platform/tenants");
        Assert.Contains(code, roots.EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        using var secretary = await app.ClientForAsync(tree.Stranger);
        Assert.Equal("Tỉnh ủy Mới", (await secretary.GetFromJsonAsync<JsonElement>($"/t/{code}/api/tenant")).GetProperty("name").GetString());

        var duplicate = await (await op.PostAsJsonAsync("/api/platform/tenants",
            new { code, name = "Trùng", kind = "PartyCommittee", levelLabel = "Tỉnh", secretaryUserName = tree.Stranger })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(duplicate.FieldErrors("code"));
    }

    [Fact]
    public async Task Refuse_the_root_list_to_everyone_else()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.RootSecretary);
        await (await secretary.GetAsync("/api/platform/tenants")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("/api/platform/tenants")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
