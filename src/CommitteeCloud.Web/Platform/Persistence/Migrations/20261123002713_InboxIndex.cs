using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_tenant_id_state",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_tenant_id_state_current_deadline",
                table: "tasks",
                columns: new[] { "tenant_id", "state", "current_deadline" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_on", "priority", "updated_at", "id", "parent_task_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_tenant_id_state_current_deadline",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_tenant_id_state",
                table: "tasks",
                columns: new[] { "tenant_id", "state" });
        }
    }
}
