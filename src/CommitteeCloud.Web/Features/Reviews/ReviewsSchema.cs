using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>The hand-written part of the review cycle's migration: row-level security on every new table.</summary>
public static class ReviewsSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("criteria_templates");
        mb.EnableTenantIsolation("review_cycles");
        mb.EnableTenantIsolation("unit_reviews");
        mb.EnableTenantIsolation("self_assessments");
    }
}
