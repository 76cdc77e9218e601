using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class DialogueConfiguration : IEntityTypeConfiguration<Dialogue>
{
    public void Configure(EntityTypeBuilder<Dialogue> b)
    {
        b.ToTable("dialogues");
        b.HasKey(d => new { d.TenantId, d.Id });
        b.HasIndex(d => new { d.TenantId, d.Kind, d.Date });
        // One conference per unit and year (a cancelled one does not count).
        b.HasIndex(d => new { d.TenantId, d.Year }).IsUnique()
            .HasFilter("kind = 'StaffConference' AND status <> 'Cancelled'").HasDatabaseName("ix_dialogues_one_conference_a_year");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Title).HasMaxLength(Dialogue.TitleMaxLength);
        b.Property(d => d.Topic).HasMaxLength(Dialogue.TextMaxLength);
        b.Property(d => d.Place).HasMaxLength(Dialogue.NameMaxLength);
        b.Property(d => d.ChairName).HasMaxLength(Dialogue.NameMaxLength);
        b.Property(d => d.Participants).HasMaxLength(Dialogue.TextMaxLength);
        b.Property(d => d.Conclusion).HasMaxLength(Dialogue.TextMaxLength);
        b.OwnsMany(d => d.Resolutions, r => r.ToJson("resolutions"));
        b.OwnsMany(d => d.Candidates, c => c.ToJson("candidates"));
        b.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(d => d.DomainEvents);
        b.Ignore(d => d.IsConference);
        b.Ignore(d => d.IsOpen);
        b.Ignore(d => d.WasHeld);
        b.Ignore(d => d.HasQuorum);
    }
}

internal sealed class DialogueQuestionConfiguration : IEntityTypeConfiguration<DialogueQuestion>
{
    public void Configure(EntityTypeBuilder<DialogueQuestion> b)
    {
        b.ToTable("dialogue_questions");
        b.HasKey(q => new { q.TenantId, q.Id });
        b.HasIndex(q => new { q.TenantId, q.DialogueId, q.Number }).IsUnique();
        b.Property(q => q.AskerKind).HasConversion<string>().HasMaxLength(16);
        b.Property(q => q.AskerName).HasMaxLength(Dialogue.NameMaxLength);
        b.Property(q => q.Content).HasMaxLength(Dialogue.TextMaxLength);
        b.Property(q => q.Answer).HasMaxLength(Dialogue.TextMaxLength);
        b.Property(q => q.ResponsibleUnitName).HasMaxLength(Dialogue.NameMaxLength);
        b.HasOne<Dialogue>().WithMany().HasForeignKey(q => new { q.TenantId, q.DialogueId }).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(q => q.DomainEvents);
        b.Ignore(q => q.AskerDisplay);
    }
}
