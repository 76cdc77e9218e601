using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Platform.Tenancy;

namespace CommitteeCloud.UnitTests.Platform;

public sealed class TenantContextShould
{
    private static TenantInfo Tenant(string code) =>
        new(Guid.CreateVersion7(), code, code, TenantKind.PartyCommittee, "Tỉnh", null, "x", 0, TenantStatus.Active);

    [Fact]
    public void Refuse_to_change_tenant_once_set()
    {
        var context = new TenantContext();
        context.Set(Tenant("a"), Guid.CreateVersion7());
        Assert.Throws<InvalidOperationException>(() => context.Set(Tenant("b"), null));
    }

    [Fact]
    public void Return_to_its_tenant_after_provisioning_another()
    {
        var context = new TenantContext();
        var a = Tenant("a");
        var child = Tenant("child");
        context.Set(a, null);
        using (context.Enter(child))
        {
            Assert.Equal(child, context.Tenant);
        }
        Assert.Equal(a, context.Tenant);
    }
}
