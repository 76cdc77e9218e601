using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CommitmentsAndModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commitment_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    guidance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_rounds", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_commitment_rounds_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_tenant_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    round_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    guidance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title_sought = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_late = table.Column<bool>(type: "boolean", nullable: false),
                    last_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    original_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: true),
                    models = table.Column<string>(type: "jsonb", nullable: true),
                    targets = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_commitments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mass_mobilization_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    field = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    is_collective = table.Column<bool>(type: "boolean", nullable: false),
                    person_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    person_position = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    situation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    goals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    content_and_method = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    area_and_beneficiaries = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    forces = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    resources = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: true),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    outputs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    sustainability = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    surveyed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recognition_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    recognized_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    recognized_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_typical = table.Column<bool>(type: "boolean", nullable: false),
                    proposed_for_award = table.Column<bool>(type: "boolean", nullable: false),
                    award_proposal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    previous_model_id = table.Column<Guid>(type: "uuid", nullable: true),
                    next_model_id = table.Column<Guid>(type: "uuid", nullable: true),
                    original_model_id = table.Column<Guid>(type: "uuid", nullable: true),
                    original_tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    original_unit_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    journal = table.Column<string>(type: "jsonb", nullable: true),
                    replications = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mass_mobilization_models", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_mass_mobilization_models_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "model_nodes",
                columns: table => new
                {
                    model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "ltree", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    field = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    is_collective = table.Column<bool>(type: "boolean", nullable: false),
                    person_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    surveyed = table.Column<bool>(type: "boolean", nullable: false),
                    recognition_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    is_typical = table.Column<bool>(type: "boolean", nullable: false),
                    proposed_for_award = table.Column<bool>(type: "boolean", nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    original_model_id = table.Column<Guid>(type: "uuid", nullable: true),
                    original_unit_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    replication_count = table.Column<int>(type: "integer", nullable: false),
                    detail = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_nodes", x => x.model_id);
                    table.ForeignKey(
                        name: "fk_model_nodes_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitment_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    child_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    child_commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title_sought = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_late = table.Column<bool>(type: "boolean", nullable: false),
                    last_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: true),
                    models = table.Column<string>(type: "jsonb", nullable: true),
                    targets = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_slots", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_commitment_slots_commitment_rounds_tenant_id_round_id",
                        columns: x => new { x.tenant_id, x.round_id },
                        principalTable: "commitment_rounds",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commitment_rounds_tenant_id_year",
                table: "commitment_rounds",
                columns: new[] { "tenant_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_commitment_slots_tenant_id_child_commitment_id",
                table: "commitment_slots",
                columns: new[] { "tenant_id", "child_commitment_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commitment_slots_tenant_id_round_id_child_tenant_id",
                table: "commitment_slots",
                columns: new[] { "tenant_id", "round_id", "child_tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commitments_tenant_id_slot_id",
                table: "commitments",
                columns: new[] { "tenant_id", "slot_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commitments_tenant_id_year",
                table: "commitments",
                columns: new[] { "tenant_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_mass_mobilization_models_tenant_id_year",
                table: "mass_mobilization_models",
                columns: new[] { "tenant_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_model_nodes_path",
                table: "model_nodes",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_model_nodes_tenant_id",
                table: "model_nodes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_nodes_year",
                table: "model_nodes",
                column: "year");

            Features.Commitments.CommitmentsSchema.Secure(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitment_slots");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "mass_mobilization_models");

            migrationBuilder.DropTable(
                name: "model_nodes");

            migrationBuilder.DropTable(
                name: "commitment_rounds");
        }
    }
}
