using System;
using System.Collections.Generic;
using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LeaderAssignmentsAndUnitSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leader_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    signer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    signer_capacity = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    leader_membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    position = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    scope = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    scope_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    scope_unit_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    attachment_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    superseded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lapse_reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leader_assignments", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_leader_assignments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_summaries",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    path = table.Column<string>(type: "ltree", nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level_label = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    member_count = table.Column<int>(type: "integer", nullable: false),
                    leader_assignment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    leader_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    leader_position = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    leader_decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    leader_effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    leader_effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    leader_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_summaries", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_unit_summaries_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leader_assignments_tenant_id_leader_membership_id",
                table: "leader_assignments",
                columns: new[] { "tenant_id", "leader_membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_leader_assignments_tenant_id_scope_key_status",
                table: "leader_assignments",
                columns: new[] { "tenant_id", "scope_key", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_summaries_path",
                table: "unit_summaries",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.EnableTenantIsolation("leader_assignments");
            migrationBuilder.EnableSubtreeIsolation("unit_summaries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leader_assignments");

            migrationBuilder.DropTable(
                name: "unit_summaries");
        }
    }
}
