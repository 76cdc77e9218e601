using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>The hand-written part of the dashboard migration: its counters are read and written through the subtree.</summary>
public static class DashboardSchema
{
    public static void Secure(MigrationBuilder mb) => mb.EnableSubtreeIsolation("dashboard_items");
}
