using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// The triggers that keep <see cref="TaskListVersion"/>: statement-level, with transition tables, so a statement
/// touching many rows of a tenant bumps its version once. Rows of a statement all belong to the session's tenant
/// (row-level security's WITH CHECK), so the upsert passes the versions table's own policy.
/// </summary>
public static class TaskListSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("task_list_versions");
        mb.Sql("""
            CREATE OR REPLACE FUNCTION bump_task_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO task_list_versions (tenant_id, version)
                  SELECT DISTINCT tenant_id, 1 FROM changed_rows
                  ON CONFLICT (tenant_id) DO UPDATE SET version = task_list_versions.version + 1;
              ELSE
                INSERT INTO task_list_versions (tenant_id, version)
                  SELECT DISTINCT tenant_id, 1 FROM removed_rows
                  ON CONFLICT (tenant_id) DO UPDATE SET version = task_list_versions.version + 1;
              END IF;
              RETURN NULL;
            END $$;
            """);
        foreach (var table in new[] { "tasks", "task_handoffs" })
            mb.Sql($"""
                CREATE TRIGGER {table}_list_version_insert AFTER INSERT ON {table}
                  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_version();
                CREATE TRIGGER {table}_list_version_update AFTER UPDATE ON {table}
                  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_version();
                CREATE TRIGGER {table}_list_version_delete AFTER DELETE ON {table}
                  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_task_list_version();
                """);
    }
}
