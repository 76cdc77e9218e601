using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>What the training records' migration adds by hand (called from the last line of its Up): row-level security.</summary>
public static class TrainingSchema
{
    public static void Secure(MigrationBuilder mb) => mb.EnableTenantIsolation("training_courses");
}
