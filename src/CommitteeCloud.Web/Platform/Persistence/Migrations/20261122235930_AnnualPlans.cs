using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnnualPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    purpose = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    requirements = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    objectives = table.Column<List<string>>(type: "text[]", nullable: false),
                    targets = table.Column<string>(type: "jsonb", nullable: false),
                    activities = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    implements_directive_id = table.Column<Guid>(type: "uuid", nullable: true),
                    implements_reference = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    copied_from_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    directive_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recipient_tenant_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    issue_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_plans", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_annual_plans_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    results = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    shortcomings = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    causes = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    lessons = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    next_directions = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_reviews", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_plan_reviews_annual_plans_tenant_id_plan_id",
                        columns: x => new { x.tenant_id, x.plan_id },
                        principalTable: "annual_plans",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_plans_tenant_id_year",
                table: "annual_plans",
                columns: new[] { "tenant_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_reviews_tenant_id_plan_id_kind",
                table: "plan_reviews",
                columns: new[] { "tenant_id", "plan_id", "kind" },
                unique: true);

            Features.Plans.PlansSchema.Secure(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_reviews");

            migrationBuilder.DropTable(
                name: "annual_plans");
        }
    }
}
