using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlanPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tenants created before plans, dialogues and the suggestion box existed get their permissions in the
            // standard roles (new tenants get them from DefaultRoles).
            migrationBuilder.Sql("""
                UPDATE tenant_roles SET permissions = permissions || ARRAY['plans.view','plans.manage','plans.report','dialogues.manage','suggestions.answer']
                  WHERE name IN ('Secretary','MassMobilizationOfficer') AND NOT 'plans.view' = ANY(permissions);
                UPDATE tenant_roles SET permissions = permissions || ARRAY['plans.view','plans.report']
                  WHERE name = 'UnitReporter' AND NOT 'plans.view' = ANY(permissions);
                UPDATE tenant_roles SET permissions = permissions || ARRAY['plans.view']
                  WHERE name IN ('StaffMember','Supervisor') AND NOT 'plans.view' = ANY(permissions);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
