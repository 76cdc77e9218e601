using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Platform.Persistence;

/// <summary>
/// Row-level security in migrations: the second wall behind EF Core's filters. Tables are FORCEd so that even
/// their owner is subject; only a superuser (never the app's role) bypasses. A test checks that every
/// tenant-owned entity's table is covered.
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>Functions the policies call: STABLE, so PostgreSQL evaluates them once per statement.</summary>
    public static void CreateSessionFunctions(this MigrationBuilder mb) => mb.Sql("""
        CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
          $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
        CREATE OR REPLACE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE AS
          $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
        """);

    /// <summary>Rows are visible and writable only in the tenant the session acts in.</summary>
    public static void EnableTenantIsolation(this MigrationBuilder mb, string table) => mb.Sql($"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
          USING (tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant());
        """);

    /// <summary>
    /// For a person's own rows across tenants (their memberships): visible in the tenant or to the person;
    /// writable only in the tenant.
    /// </summary>
    public static void EnableTenantOrPersonIsolation(this MigrationBuilder mb, string table) => mb.Sql($"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_or_person_read ON {table} FOR SELECT
          USING (tenant_id = app_current_tenant() OR user_id = app_current_user());
        CREATE POLICY tenant_insert ON {table} FOR INSERT WITH CHECK (tenant_id = app_current_tenant());
        CREATE POLICY tenant_update ON {table} FOR UPDATE
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
        CREATE POLICY tenant_delete ON {table} FOR DELETE USING (tenant_id = app_current_tenant());
        """);

    /// <summary>
    /// For an inbox: only the person reads or marks their entries (from whichever tenant they act in); only the
    /// tenant where the event happened creates them.
    /// </summary>
    public static void EnablePersonalInboxIsolation(this MigrationBuilder mb, string table) => mb.Sql($"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY person_read ON {table} FOR SELECT USING (user_id = app_current_user());
        CREATE POLICY person_update ON {table} FOR UPDATE
          USING (user_id = app_current_user()) WITH CHECK (user_id = app_current_user());
        CREATE POLICY tenant_insert ON {table} FOR INSERT WITH CHECK (tenant_id = app_current_tenant());
        """);

    /// <summary>
    /// For supervision read models: a session sees and maintains the rows of its own tenant and of every tenant below
    /// it (ltree <c>&lt;@</c> on the session tenant's path), nothing of its siblings, parents or strangers.
    /// </summary>
    public static void EnableSubtreeIsolation(this MigrationBuilder mb, string table) => mb.Sql($"""
        CREATE OR REPLACE FUNCTION app_current_tenant_path() RETURNS ltree LANGUAGE sql STABLE AS
          $$ SELECT path FROM tenants WHERE id = app_current_tenant() $$;
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY subtree_isolation ON {table}
          USING (path <@ app_current_tenant_path())
          WITH CHECK (path <@ app_current_tenant_path());
        """);

    /// <summary>The audit trail is append-only, whoever connects.</summary>
    public static void MakeAppendOnly(this MigrationBuilder mb, string table) => mb.Sql($"""
        CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$;
        CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
          FOR EACH ROW EXECUTE FUNCTION refuse_change();
        """);
}
