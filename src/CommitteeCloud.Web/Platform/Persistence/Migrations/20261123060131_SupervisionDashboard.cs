using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "review_band",
                table: "unit_summaries",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "review_rank",
                table: "unit_summaries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "review_ranked_units",
                table: "unit_summaries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_title",
                table: "unit_summaries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "review_total",
                table: "unit_summaries",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "review_year",
                table: "unit_summaries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dashboard_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "ltree", nullable: false),
                    source_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    met = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_dashboard_items_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_items_path",
                table: "dashboard_items",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_items_tenant_id_source_tenant_id_kind",
                table: "dashboard_items",
                columns: new[] { "tenant_id", "source_tenant_id", "kind" });

            Features.Dashboard.DashboardSchema.Secure(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dashboard_items");

            migrationBuilder.DropColumn(
                name: "review_band",
                table: "unit_summaries");

            migrationBuilder.DropColumn(
                name: "review_rank",
                table: "unit_summaries");

            migrationBuilder.DropColumn(
                name: "review_ranked_units",
                table: "unit_summaries");

            migrationBuilder.DropColumn(
                name: "review_title",
                table: "unit_summaries");

            migrationBuilder.DropColumn(
                name: "review_total",
                table: "unit_summaries");

            migrationBuilder.DropColumn(
                name: "review_year",
                table: "unit_summaries");
        }
    }
}
