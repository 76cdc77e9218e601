using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.UnitTests.Memberships;

public sealed class MembershipShould
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Raise_MemberAdded_with_the_role_names()
    {
        var secretary = new TenantRole(DefaultRoles.Secretary, "Bí thư", Permissions.All);
        var userId = Guid.CreateVersion7();
        var membership = new Membership(userId, "Bí thư", [secretary], Now);

        var raised = Assert.IsType<MemberAdded>(Assert.Single(membership.DomainEvents));
        Assert.Equal(userId, raised.UserId);
        Assert.Equal(membership.Id, raised.MembershipId);
        Assert.Equal(["Bí thư"], raised.RoleNames);
    }

    [Fact]
    public void Require_at_least_one_role()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Membership(Guid.CreateVersion7(), null, [], Now));
        Assert.Equal("roles", error.Field);
    }

    [Fact]
    public void Refuse_a_permission_that_does_not_exist()
    {
        var error = Assert.Throws<DomainRuleException>(() => new TenantRole("X", "X", ["tenant.view", "launch.missiles"]));
        Assert.Equal("permissions", error.Field);
    }

    [Fact]
    public void Keep_permissions_distinct_and_ordered()
    {
        var role = new TenantRole("X", "X", ["members.view", "tenant.view", "members.view"]);
        Assert.Equal(["members.view", "tenant.view"], role.Permissions);
    }

    [Fact]
    public void Give_the_secretary_every_permission_and_staff_the_least()
    {
        Assert.Equal(Permissions.All.Order(), DefaultRoles.Bundles[DefaultRoles.Secretary].Permissions.Order());
        Assert.DoesNotContain(Permissions.MembersManage, DefaultRoles.Bundles[DefaultRoles.StaffMember].Permissions);
        Assert.DoesNotContain(Permissions.MembersManage, DefaultRoles.Bundles[DefaultRoles.Supervisor].Permissions);
        Assert.All(DefaultRoles.Bundles.Values.SelectMany(b => b.Permissions), p => Assert.True(Permissions.IsKnown(p)));
    }
}
