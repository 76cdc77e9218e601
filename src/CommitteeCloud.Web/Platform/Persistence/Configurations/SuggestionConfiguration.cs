using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> b)
    {
        b.ToTable("suggestions");
        b.HasKey(s => new { s.TenantId, s.Id });
        b.HasIndex(s => new { s.TenantId, s.Status, s.ReceivedOn });
        b.HasIndex(s => new { s.TenantId, s.AuthorUserId });
        b.HasIndex(s => new { s.TenantId, s.ReceiptCodeHash }).IsUnique().HasFilter("receipt_code_hash IS NOT NULL");
        b.Property(s => s.Subject).HasMaxLength(Suggestion.SubjectMaxLength);
        b.Property(s => s.Content).HasMaxLength(Suggestion.ContentMaxLength);
        b.Property(s => s.Answer).HasMaxLength(Suggestion.AnswerMaxLength);
        b.Property(s => s.CloseReason).HasMaxLength(Suggestion.ReasonMaxLength);
        b.Property(s => s.AuthorName).HasMaxLength(Suggestion.NameMaxLength);
        b.Property(s => s.ResponsibleName).HasMaxLength(Suggestion.NameMaxLength);
        b.Property(s => s.AnsweredByName).HasMaxLength(Suggestion.NameMaxLength);
        b.Property(s => s.ContactName).HasMaxLength(Suggestion.NameMaxLength);
        b.Property(s => s.ContactPhone).HasMaxLength(Suggestion.ContactMaxLength);
        b.Property(s => s.ContactEmail).HasMaxLength(Suggestion.ContactMaxLength);
        b.Property(s => s.ReceiptCodeHash).HasMaxLength(64);
        b.Property(s => s.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Revision).IsConcurrencyToken();
        b.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.DomainEvents);
        b.Ignore(s => s.IsOpen);
        b.Ignore(s => s.PublicAuthorName);
    }
}
