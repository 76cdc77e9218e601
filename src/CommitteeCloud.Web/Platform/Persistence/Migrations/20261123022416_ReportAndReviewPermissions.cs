using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportAndReviewPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tenants created before reports, reviews and indices existed get their permissions in the standard roles
            // (new tenants get them from DefaultRoles).
            migrationBuilder.Sql("""
                UPDATE tenant_roles SET permissions = permissions || ARRAY['reports.view','reports.manage','reports.submit','reports.approve','reviews.manage','reviews.self_assess','reviews.appraise','reviews.reopen','indices.manage']
                  WHERE name = 'Secretary' AND NOT 'reports.view' = ANY(permissions);
                UPDATE tenant_roles SET permissions = permissions || ARRAY['reports.view','reports.manage','reports.submit','reviews.manage','reviews.self_assess','reviews.appraise','indices.manage']
                  WHERE name = 'MassMobilizationOfficer' AND NOT 'reports.view' = ANY(permissions);
                UPDATE tenant_roles SET permissions = permissions || ARRAY['reports.view','reports.submit','reviews.self_assess']
                  WHERE name = 'UnitReporter' AND NOT 'reports.view' = ANY(permissions);
                UPDATE tenant_roles SET permissions = permissions || ARRAY['reports.view','reviews.appraise']
                  WHERE name = 'Supervisor' AND NOT 'reports.view' = ANY(permissions);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
