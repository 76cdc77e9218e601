using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Features.Tasks.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> b)
    {
        b.ToTable("directives");
        b.HasKey(d => new { d.TenantId, d.Id });
        // Numbers are unique among the tenant's own directives; received copies keep the sender's numbers.
        b.HasIndex(d => new { d.TenantId, d.Number }).IsUnique().HasFilter("status <> 'Received'");
        b.HasIndex(d => new { d.TenantId, d.SourceDirectiveId }).IsUnique().HasFilter("source_directive_id IS NOT NULL");
        b.HasIndex(d => new { d.TenantId, d.Status, d.IssueDate });
        b.Property(d => d.Number).HasMaxLength(Directive.NumberMaxLength);
        b.Property(d => d.IssuePlace).HasMaxLength(Directive.TextMaxLength);
        b.Property(d => d.IssuingBody).HasMaxLength(Directive.TextMaxLength);
        b.Property(d => d.Signer).HasMaxLength(Directive.TextMaxLength);
        b.Property(d => d.SignerCapacity).HasMaxLength(Directive.TextMaxLength);
        b.Property(d => d.Subject).HasMaxLength(Directive.TextMaxLength * 2);
        b.Property(d => d.Body).HasMaxLength(Directive.BodyMaxLength);
        b.Property(d => d.ImplementsReference).HasMaxLength(Directive.TextMaxLength);
        b.Property(d => d.SourceTenantName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(d => d.IssueKey).HasMaxLength(128);
        b.Property(d => d.WithdrawReason).HasMaxLength(Directive.TextMaxLength * 2);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(d => d.DomainEvents);
    }
}

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> b)
    {
        b.ToTable("tasks");
        b.HasKey(t => new { t.TenantId, t.Id });
        // The inbox: its counts and its "most urgent first" order read only these columns, so both come from this
        // index alone (index-only scan) and only the page's rows are read from the table.
        b.HasIndex(t => new { t.TenantId, t.State, t.CurrentDeadline })
            .IncludeProperties(t => new { t.CompletedOn, t.Priority, t.UpdatedAt, t.Id, t.ParentTaskId });
        b.HasIndex(t => new { t.TenantId, t.DirectiveId });
        b.HasIndex(t => new { t.TenantId, t.ParentTaskId }).IsUnique().HasFilter("parent_task_id IS NOT NULL");
        b.HasIndex(t => new { t.TenantId, t.LeaderMembershipId });
        b.HasIndex(t => new { t.TenantId, t.OfficerMembershipId });
        b.Property(t => t.Title).HasMaxLength(WorkTask.TitleMaxLength);
        b.Property(t => t.Content).HasMaxLength(WorkTask.TextMaxLength);
        b.Property(t => t.LeadUnitName).HasMaxLength(WorkTask.NameMaxLength);
        b.Property(t => t.LeaderName).HasMaxLength(WorkTask.NameMaxLength);
        b.Property(t => t.OfficerName).HasMaxLength(WorkTask.NameMaxLength);
        b.Property(t => t.ParentTenantName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(t => t.LastExplanation).HasMaxLength(2000);
        b.Property(t => t.Percent).HasPrecision(5, 1);
        b.Property(t => t.Origin).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.DeadlineKind).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Recurrence).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.StateBeforePause).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.RoleInParent).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(t => t.DomainEvents);
        b.Ignore(t => t.Deadline);
        b.Ignore(t => t.EffectiveDeadline);
        b.Ignore(t => t.IsReceived);
    }
}

internal sealed class TaskHandoffConfiguration : IEntityTypeConfiguration<TaskHandoff>
{
    public void Configure(EntityTypeBuilder<TaskHandoff> b)
    {
        b.ToTable("task_handoffs");
        b.HasKey(h => new { h.TenantId, h.Id });
        b.HasIndex(h => new { h.TenantId, h.TaskId, h.RecipientTenantId }).IsUnique();
        b.HasIndex(h => new { h.TenantId, h.RecipientTaskId }).IsUnique();
        b.Property(h => h.RecipientCode).HasMaxLength(Tenant.CodeMaxLength);
        b.Property(h => h.RecipientName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(h => h.Percent).HasPrecision(5, 1);
        b.Property(h => h.Weight).HasPrecision(6, 2);
        b.Property(h => h.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.State).HasConversion<string>().HasMaxLength(16);
        b.HasOne<WorkTask>().WithMany().HasForeignKey(h => new { h.TenantId, h.TaskId }).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(h => h.DomainEvents);
        b.Ignore(h => h.CountsInRollUp);
        b.Ignore(h => h.Progress);
    }
}

internal sealed class TaskUpdateConfiguration : IEntityTypeConfiguration<TaskUpdate>
{
    public void Configure(EntityTypeBuilder<TaskUpdate> b)
    {
        b.ToTable("task_updates");
        b.HasKey(u => new { u.TenantId, u.Id });
        b.HasIndex(u => new { u.TenantId, u.TaskId, u.At });
        b.HasIndex(u => new { u.TenantId, u.SourceId }).IsUnique().HasFilter("source_id IS NOT NULL");
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(u => u.Text).HasMaxLength(TaskUpdate.TextMaxLength);
        b.Property(u => u.PeriodLabel).HasMaxLength(64);
        b.Property(u => u.AuthorName).HasMaxLength(WorkTask.NameMaxLength);
        b.Property(u => u.UnitName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(u => u.Percent).HasPrecision(5, 1);
        b.OwnsMany(u => u.Files, f => f.ToJson("files"));
        b.HasOne<WorkTask>().WithMany().HasForeignKey(u => new { u.TenantId, u.TaskId }).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(u => u.DomainEvents);
        b.Ignore(u => u.IsInternal);
    }
}

internal sealed class TaskNodeConfiguration : IEntityTypeConfiguration<TaskNode>
{
    public void Configure(EntityTypeBuilder<TaskNode> b)
    {
        b.ToTable("task_nodes");
        b.HasKey(n => n.TaskId);
        b.Property(n => n.TaskId).ValueGeneratedNever();
        b.Property(n => n.Path).HasColumnType("ltree");
        b.HasIndex(n => n.Path).HasMethod("gist");
        b.HasIndex(n => n.RootTaskId);
        b.Property(n => n.UnitCode).HasMaxLength(Tenant.CodeMaxLength);
        b.Property(n => n.UnitName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(n => n.Title).HasMaxLength(WorkTask.TitleMaxLength);
        b.Property(n => n.LastExplanation).HasMaxLength(2000);
        b.Property(n => n.Percent).HasPrecision(5, 1);
        b.Property(n => n.State).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskReminderConfiguration : IEntityTypeConfiguration<TaskReminder>
{
    public void Configure(EntityTypeBuilder<TaskReminder> b)
    {
        b.ToTable("task_reminders");
        b.HasKey(r => new { r.TenantId, r.TaskId, r.Threshold, r.Deadline });
        b.HasOne<WorkTask>().WithMany().HasForeignKey(r => new { r.TenantId, r.TaskId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskListVersionConfiguration : IEntityTypeConfiguration<TaskListVersion>
{
    public void Configure(EntityTypeBuilder<TaskListVersion> b)
    {
        b.ToTable("task_list_versions");
        // No foreign key to tenants: the delete trigger of a tenant's cascaded tasks would write a version for a
        // tenant already gone. A version left behind is a number and nothing else.
        b.HasKey(v => v.TenantId);
    }
}
