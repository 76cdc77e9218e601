using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// The hand-written part of the commitments and models migration, in one place so that a regenerated migration only
/// needs this one call as the last line of its Up: row-level security on every new table.
/// </summary>
public static class CommitmentsSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("commitment_rounds");
        mb.EnableTenantIsolation("commitment_slots");
        mb.EnableTenantIsolation("commitments");
        mb.EnableTenantIsolation("mass_mobilization_models");
        // Read by the units above (their children's models, the funnel); written only from the model's own unit.
        mb.EnableSubtreeIsolation("model_nodes");
    }
}
