using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// What the plans' migration adds by hand to what EF generates, in one place so that a regenerated migration needs one
/// line (the last of its Up): row-level security on every table of annual plans.
/// </summary>
public static class PlansSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("annual_plans");
        mb.EnableTenantIsolation("plan_reviews");
    }
}
