using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>What the suggestion box's migration adds by hand (the last line of its Up).</summary>
public static class SuggestionsSchema
{
    public static void Secure(MigrationBuilder mb)
    {
        mb.EnableTenantIsolation("suggestions");
        // The database itself refuses an anonymous row that names or can reach its sender, whatever code writes it.
        mb.Sql("""
            ALTER TABLE suggestions ADD CONSTRAINT suggestions_anonymous_carries_no_identity CHECK (
              NOT is_anonymous OR (author_user_id IS NULL AND author_name IS NULL AND NOT show_author_name
                AND contact_name IS NULL AND contact_phone IS NULL AND contact_email IS NULL AND receipt_code_hash IS NOT NULL));
            """);
    }
}
