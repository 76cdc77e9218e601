using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>What the indices' migration adds by hand (called from the last line of its Up): row-level security.</summary>
public static class IndicesSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("public_index_values");
    }
}
