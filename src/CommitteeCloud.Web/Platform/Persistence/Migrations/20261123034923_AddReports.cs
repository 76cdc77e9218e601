using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: true),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    guidance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    template_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    forwarded_from_report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sent_by = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    indicators = table.Column<string>(type: "jsonb", nullable: true),
                    sections = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_requests", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_report_requests_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    indicators = table.Column<string>(type: "jsonb", nullable: true),
                    sections = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_templates", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_report_templates_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_tenant_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: true),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    guidance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    document_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    place = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    signer_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    signer_capacity = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    approved_by = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_late = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    last_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    forwarded_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: true),
                    indicators = table.Column<string>(type: "jsonb", nullable: true),
                    sections = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_reports_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    child_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    child_report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_late = table.Column<bool>(type: "boolean", nullable: false),
                    last_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    subtree_units = table.Column<int>(type: "integer", nullable: false),
                    document_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    place = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    signer_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    signer_capacity = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: true),
                    indicators = table.Column<string>(type: "jsonb", nullable: true),
                    sections = table.Column<string>(type: "jsonb", nullable: true),
                    subtree_cells = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_slots", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_report_slots_report_requests_tenant_id_request_id",
                        columns: x => new { x.tenant_id, x.request_id },
                        principalTable: "report_requests",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_requests_tenant_id_forwarded_from_report_id",
                table: "report_requests",
                columns: new[] { "tenant_id", "forwarded_from_report_id" },
                unique: true,
                filter: "forwarded_from_report_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_report_requests_tenant_id_year_kind_number",
                table: "report_requests",
                columns: new[] { "tenant_id", "year", "kind", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_report_slots_tenant_id_child_report_id",
                table: "report_slots",
                columns: new[] { "tenant_id", "child_report_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_slots_tenant_id_request_id_child_tenant_id",
                table: "report_slots",
                columns: new[] { "tenant_id", "request_id", "child_tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_tenant_id_slot_id",
                table: "reports",
                columns: new[] { "tenant_id", "slot_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_tenant_id_year",
                table: "reports",
                columns: new[] { "tenant_id", "year" });
            Features.Reports.ReportsSchema.Secure(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_slots");

            migrationBuilder.DropTable(
                name: "report_templates");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "report_requests");
        }
    }
}
