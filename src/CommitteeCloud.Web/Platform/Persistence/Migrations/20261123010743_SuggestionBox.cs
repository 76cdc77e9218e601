using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionBox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    show_author_name = table.Column<bool>(type: "boolean", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    receipt_code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    responsible_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    responsible_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    routed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    close_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_suggestions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_tenant_id_author_user_id",
                table: "suggestions",
                columns: new[] { "tenant_id", "author_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_tenant_id_receipt_code_hash",
                table: "suggestions",
                columns: new[] { "tenant_id", "receipt_code_hash" },
                unique: true,
                filter: "receipt_code_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_tenant_id_status_received_on",
                table: "suggestions",
                columns: new[] { "tenant_id", "status", "received_on" });
            CommitteeCloud.Web.Features.Suggestions.SuggestionsSchema.Secure(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggestions");
        }
    }
}
