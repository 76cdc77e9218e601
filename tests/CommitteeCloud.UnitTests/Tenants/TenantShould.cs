using CommitteeCloud.Domain.Tenants;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Tenants;

public sealed class TenantShould
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Extend_its_parent_s_path_with_its_own_label()
    {
        var province = Tenant.CreateRoot("tinh-uy", "Tỉnh ủy", TenantKind.PartyCommittee, "Tỉnh", Now);
        var commune = province.CreateChild("xa-a", "Đảng ủy xã A", TenantKind.GrassrootsCommittee, "Xã", Now);
        var cell = commune.CreateChild("xa-a-cb1", "Chi bộ 1", TenantKind.Cell, "Chi bộ", Now);

        Assert.Equal(province.PathLabel, province.Path);
        Assert.Equal($"{province.Path}.{commune.PathLabel}.{cell.PathLabel}", cell.Path);
        Assert.Equal(2, cell.Depth);
        Assert.Equal(commune.Id, cell.ParentId);
        Assert.Null(province.ParentId);
    }

    [Theory]
    [InlineData("tinh-uy-ls", true)]
    [InlineData("  Tinh-Uy  ", true)]
    [InlineData("a", false)]
    [InlineData("-xa", false)]
    [InlineData("xa-", false)]
    [InlineData("xã-a", false)]
    [InlineData("xa a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Accept_only_url_safe_codes(string? code, bool valid) => Assert.Equal(valid, Tenant.IsValidCode(code));

    [Property]
    public Property Keep_a_valid_code_valid_after_normalizing()
    {
        var chars = "abcdefghijklmnopqrstuvwxyz0123456789-".ToCharArray();
        var codes = Gen.Elements(chars).ArrayOf().Select(a => new string(a)).Where(Tenant.IsValidCode).ToArbitrary();
        return Prop.ForAll(codes, code => Tenant.IsValidCode(Tenant.NormalizeCode(code.ToUpperInvariant())) && Tenant.NormalizeCode(code) == code);
    }

    [Fact]
    public void Suspend_and_reactivate()
    {
        var tenant = Tenant.CreateRoot("tinh-uy", "Tỉnh ủy", TenantKind.PartyCommittee, "Tỉnh", Now);
        tenant.Suspend();
        Assert.False(tenant.IsActive);
        tenant.Reactivate();
        Assert.True(tenant.IsActive);
    }
}
