using CommitteeCloud.Web.Platform.Persistence;
﻿using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitteeCloud.Web.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DirectivesAndTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: true),
                    issue_place = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    issuing_body = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    signer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    signer_capacity = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    subject = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    implements_reference = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    implements_directive_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recipient_tenant_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    attachment_file_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source_tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_directive_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_tenant_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    issue_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdraw_reason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directives", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_directives_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "task_nodes",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "ltree", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    parent_task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    root_task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    explanation_pending = table.Column<bool>(type: "boolean", nullable: false),
                    last_explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_nodes", x => x.task_id);
                    table.ForeignKey(
                        name: "fk_task_nodes_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    directive_id = table.Column<Guid>(type: "uuid", nullable: true),
                    point_number = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    content = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    lead_unit_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    coordinating_unit_names = table.Column<List<string>>(type: "text[]", nullable: false),
                    leader_membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    leader_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    officer_membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    officer_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    deadline_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    recurrence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    recur_from = table.Column<DateOnly>(type: "date", nullable: true),
                    recur_until = table.Column<DateOnly>(type: "date", nullable: true),
                    review_dates = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    current_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    reported_through = table.Column<DateOnly>(type: "date", nullable: true),
                    priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state_before_pause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    percent_set_by_hand = table.Column<bool>(type: "boolean", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    result_reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    parent_tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parent_task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parent_handoff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parent_tenant_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    role_in_parent = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    root_task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    attachment_file_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    planned_lead_tenant_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    planned_coordinating_tenant_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    explanation_pending = table.Column<bool>(type: "boolean", nullable: false),
                    explanation_requester_tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    explanation_requester_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_tasks_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "task_handoffs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recipient_task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    result_reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reported_through = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_handoffs", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_task_handoffs_tasks_tenant_id_task_id",
                        columns: x => new { x.tenant_id, x.task_id },
                        principalTable: "tasks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_reminders",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    threshold = table.Column<int>(type: "integer", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_reminders", x => new { x.tenant_id, x.task_id, x.threshold, x.deadline });
                    table.ForeignKey(
                        name: "fk_task_reminders_tasks_tenant_id_task_id",
                        columns: x => new { x.tenant_id, x.task_id },
                        principalTable: "tasks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handoff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    period_label = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    files = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_updates", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_task_updates_tasks_tenant_id_task_id",
                        columns: x => new { x.tenant_id, x.task_id },
                        principalTable: "tasks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_directives_tenant_id_number",
                table: "directives",
                columns: new[] { "tenant_id", "number" },
                unique: true,
                filter: "status <> 'Received'");

            migrationBuilder.CreateIndex(
                name: "ix_directives_tenant_id_source_directive_id",
                table: "directives",
                columns: new[] { "tenant_id", "source_directive_id" },
                unique: true,
                filter: "source_directive_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_directives_tenant_id_status_issue_date",
                table: "directives",
                columns: new[] { "tenant_id", "status", "issue_date" });

            migrationBuilder.CreateIndex(
                name: "ix_task_handoffs_tenant_id_recipient_task_id",
                table: "task_handoffs",
                columns: new[] { "tenant_id", "recipient_task_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_handoffs_tenant_id_task_id_recipient_tenant_id",
                table: "task_handoffs",
                columns: new[] { "tenant_id", "task_id", "recipient_tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_nodes_path",
                table: "task_nodes",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_task_nodes_root_task_id",
                table: "task_nodes",
                column: "root_task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_nodes_tenant_id",
                table: "task_nodes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_updates_tenant_id_source_id",
                table: "task_updates",
                columns: new[] { "tenant_id", "source_id" },
                unique: true,
                filter: "source_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_updates_tenant_id_task_id_at",
                table: "task_updates",
                columns: new[] { "tenant_id", "task_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_tenant_id_directive_id",
                table: "tasks",
                columns: new[] { "tenant_id", "directive_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_tenant_id_leader_membership_id",
                table: "tasks",
                columns: new[] { "tenant_id", "leader_membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_tenant_id_officer_membership_id",
                table: "tasks",
                columns: new[] { "tenant_id", "officer_membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_tenant_id_parent_task_id",
                table: "tasks",
                columns: new[] { "tenant_id", "parent_task_id" },
                unique: true,
                filter: "parent_task_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_tenant_id_state",
                table: "tasks",
                columns: new[] { "tenant_id", "state" });
        
            migrationBuilder.EnableTenantIsolation("directives");
            migrationBuilder.EnableTenantIsolation("tasks");
            migrationBuilder.EnableTenantIsolation("task_handoffs");
            migrationBuilder.EnableTenantIsolation("task_updates");
            migrationBuilder.EnableTenantIsolation("task_reminders");
            migrationBuilder.EnableSubtreeIsolation("task_nodes");
            // Tenants created before tasks existed get the task permissions in their standard roles.
            migrationBuilder.Sql("""
                UPDATE tenant_roles SET permissions = permissions || ARRAY['tasks.view','tasks.manage','tasks.report']
                  WHERE name IN ('Secretary','MassMobilizationOfficer') AND NOT 'tasks.view' = ANY(permissions);
                UPDATE tenant_roles SET permissions = permissions || ARRAY['tasks.view','tasks.report']
                  WHERE name = 'UnitReporter' AND NOT 'tasks.view' = ANY(permissions);
                UPDATE tenant_roles SET permissions = permissions || ARRAY['tasks.view']
                  WHERE name IN ('StaffMember','Supervisor') AND NOT 'tasks.view' = ANY(permissions);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directives");

            migrationBuilder.DropTable(
                name: "task_handoffs");

            migrationBuilder.DropTable(
                name: "task_nodes");

            migrationBuilder.DropTable(
                name: "task_reminders");

            migrationBuilder.DropTable(
                name: "task_updates");

            migrationBuilder.DropTable(
                name: "tasks");
        }
    }
}
