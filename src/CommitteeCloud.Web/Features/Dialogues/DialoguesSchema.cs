using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// The hand-written part of the dialogues migration, kept here so that a regenerated migration only needs one call
/// (last line of its <c>Up</c>): row-level security on the feature's tables.
/// </summary>
public static class DialoguesSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("dialogues");
        mb.EnableTenantIsolation("dialogue_questions");
    }
}
