using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DialoguesAndConferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "last_staff_dialogue_on",
                table: "unit_summaries",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dialogues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    topic = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    place = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    chair_membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    chair_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    participants = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    participant_count = table.Column<int>(type: "integer", nullable: true),
                    conclusion = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    minutes_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    attendance = table.Column<int>(type: "integer", nullable: true),
                    agenda_items = table.Column<List<string>>(type: "text[]", nullable: false),
                    follow_up_task_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    candidates = table.Column<string>(type: "jsonb", nullable: true),
                    resolutions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialogues", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_dialogues_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dialogue_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dialogue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    asker_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    asker_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    asker_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    asked_beforehand = table.Column<bool>(type: "boolean", nullable: false),
                    content = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    answer = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    answered_on_spot = table.Column<bool>(type: "boolean", nullable: false),
                    responsible_unit_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    responsible_tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    follow_up_task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialogue_questions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_dialogue_questions_dialogues_tenant_id_dialogue_id",
                        columns: x => new { x.tenant_id, x.dialogue_id },
                        principalTable: "dialogues",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dialogue_questions_tenant_id_dialogue_id_number",
                table: "dialogue_questions",
                columns: new[] { "tenant_id", "dialogue_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dialogues_one_conference_a_year",
                table: "dialogues",
                columns: new[] { "tenant_id", "year" },
                unique: true,
                filter: "kind = 'StaffConference' AND status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "ix_dialogues_tenant_id_kind_date",
                table: "dialogues",
                columns: new[] { "tenant_id", "kind", "date" });
            CommitteeCloud.Web.Features.Dialogues.DialoguesSchema.Secure(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dialogue_questions");

            migrationBuilder.DropTable(
                name: "dialogues");

            migrationBuilder.DropColumn(
                name: "last_staff_dialogue_on",
                table: "unit_summaries");
        }
    }
}
