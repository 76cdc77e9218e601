using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReviewCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "criteria_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    sheet = table.Column<string>(type: "jsonb", nullable: false),
                    shipped_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criteria_templates", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_criteria_templates_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_cycles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    sheet = table.Column<string>(type: "jsonb", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    publication = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    appraisers = table.Column<string>(type: "jsonb", nullable: false),
                    ranking = table.Column<string>(type: "jsonb", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finalized_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finalized_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    reopen_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reopenings = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_cycles", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_review_cycles_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "self_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    sheet = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    total = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    band = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    not_eligible_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    ranked_units = table.Column<int>(type: "integer", nullable: true),
                    publication = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    published_ranking = table.Column<string>(type: "jsonb", nullable: false),
                    result_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessments", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_self_assessments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    child_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submissions = table.Column<int>(type: "integer", nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    not_eligible_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    total = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    band = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_reviews", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_unit_reviews_review_cycles_tenant_id_cycle_id",
                        columns: x => new { x.tenant_id, x.cycle_id },
                        principalTable: "review_cycles",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_review_cycles_tenant_id_year",
                table: "review_cycles",
                columns: new[] { "tenant_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_tenant_id_cycle_id",
                table: "self_assessments",
                columns: new[] { "tenant_id", "cycle_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_tenant_id_year",
                table: "self_assessments",
                columns: new[] { "tenant_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_reviews_tenant_id_assessment_id",
                table: "unit_reviews",
                columns: new[] { "tenant_id", "assessment_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_reviews_tenant_id_cycle_id_child_tenant_id",
                table: "unit_reviews",
                columns: new[] { "tenant_id", "cycle_id", "child_tenant_id" },
                unique: true);

            Features.Reviews.ReviewsSchema.Secure(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "criteria_templates");

            migrationBuilder.DropTable(
                name: "self_assessments");

            migrationBuilder.DropTable(
                name: "unit_reviews");

            migrationBuilder.DropTable(
                name: "review_cycles");
        }
    }
}
