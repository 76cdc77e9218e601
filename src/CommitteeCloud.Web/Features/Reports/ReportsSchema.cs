using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>The hand-written part of the reports migration: row-level security on every new table (last line of its Up).</summary>
public static class ReportsSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("report_templates");
        mb.EnableTenantIsolation("report_requests");
        mb.EnableTenantIsolation("report_slots");
        mb.EnableTenantIsolation("reports");
    }
}
