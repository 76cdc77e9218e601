using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>A task as the editor sends it: a directive's point or a task assigned directly.</summary>
public sealed record TaskInput(
    string Title, string? Content = null, int? PointNumber = null, string? LeadUnitName = null, string[]? CoordinatingUnitNames = null,
    Guid[]? LeadTenantIds = null, Guid[]? CoordinatingTenantIds = null, Guid? LeaderMembershipId = null, Guid? OfficerMembershipId = null,
    DeadlineKind DeadlineKind = DeadlineKind.None, DateOnly? DueDate = null, Recurrence? Recurrence = null, DateOnly? RecurFrom = null,
    DateOnly? RecurUntil = null, DateOnly[]? ReviewDates = null, TaskPriority Priority = TaskPriority.Normal, Guid[]? AttachmentFileIds = null);

public sealed class TaskInputValidator : AbstractValidator<TaskInput>
{
    public TaskInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên nhiệm vụ.").MaximumLength(WorkTask.TitleMaxLength);
        RuleFor(x => x.Content).MaximumLength(WorkTask.TextMaxLength);
        RuleFor(x => x.PointNumber).InclusiveBetween(1, 999);
        RuleFor(x => x.LeadUnitName).MaximumLength(WorkTask.NameMaxLength);
        RuleForEach(x => x.CoordinatingUnitNames).MaximumLength(WorkTask.NameMaxLength);
        RuleFor(x => x.DeadlineKind).IsInEnum();
        RuleFor(x => x.Priority).IsInEnum();
        RuleFor(x => x.DueDate).NotNull().When(x => x.DeadlineKind == DeadlineKind.OnDate).WithMessage("Hãy nhập hạn hoàn thành.");
        RuleFor(x => x.Recurrence).NotNull().When(x => x.DeadlineKind == DeadlineKind.Recurring).WithMessage("Hãy chọn chu kỳ báo cáo.");
        RuleFor(x => x.RecurFrom).NotNull().When(x => x.DeadlineKind == DeadlineKind.Recurring).WithMessage("Hãy nhập ngày bắt đầu.");
        RuleFor(x => x.RecurUntil).NotNull().When(x => x.DeadlineKind == DeadlineKind.Recurring).WithMessage("Hãy nhập ngày kết thúc.")
            .GreaterThanOrEqualTo(x => x.RecurFrom).When(x => x.DeadlineKind == DeadlineKind.Recurring && x.RecurFrom is not null && x.RecurUntil is not null)
            .WithMessage("Ngày kết thúc phải sau ngày bắt đầu.");
        RuleFor(x => x.RecurUntil).Must((x, until) => until!.Value.DayNumber - x.RecurFrom!.Value.DayNumber <= 3660)
            .When(x => x.DeadlineKind == DeadlineKind.Recurring && x.RecurFrom is not null && x.RecurUntil is not null)
            .WithMessage("Nhiệm vụ định kỳ dài tối đa 10 năm.");
        RuleFor(x => x.ReviewDates).Must(d => d is { Length: > 0 and <= 60 }).When(x => x.DeadlineKind == DeadlineKind.Standing)
            .WithMessage("Nhiệm vụ thường xuyên cần ít nhất một ngày sơ kết, đánh giá.");
        RuleFor(x => x.LeadTenantIds).Must(ids => ids is null || ids.Length <= 500);
        RuleFor(x => x.CoordinatingTenantIds).Must(ids => ids is null || ids.Length <= 500);
        RuleFor(x => x.AttachmentFileIds).Must(ids => ids is null || ids.Length <= 50);
    }
}

public static class TaskInputs
{
    /// <summary>The domain's details, with the leader's and officer's names read from this unit's members.</summary>
    public static async Task<TaskDetails> ToDetailsAsync(this TaskInput input, AppDbContext db, CancellationToken ct)
    {
        await db.RequireFilesAsync(input.AttachmentFileIds, "attachmentFileIds", ct);
        var leader = await MemberNameAsync(db, input.LeaderMembershipId, "leaderMembershipId", ct);
        var officer = await MemberNameAsync(db, input.OfficerMembershipId, "officerMembershipId", ct);
        return new TaskDetails(input.Title, input.Content, input.LeadUnitName, input.CoordinatingUnitNames ?? [],
            input.LeaderMembershipId, leader, input.OfficerMembershipId, officer, input.DeadlineKind, input.DueDate, input.Recurrence,
            input.RecurFrom, input.RecurUntil, input.ReviewDates ?? [], input.Priority, input.AttachmentFileIds ?? []);
    }

    /// <summary>Attachments are files uploaded in this tenant.</summary>
    public static async Task RequireFilesAsync(this AppDbContext db, Guid[]? ids, string field, CancellationToken ct)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count > 0 && await db.StoredFiles.CountAsync(f => wanted.Contains(f.Id), ct) != wanted.Count)
            throw new DomainRuleException(field, "Tệp đính kèm không tồn tại.");
    }

    private static async Task<string?> MemberNameAsync(AppDbContext db, Guid? membershipId, string field, CancellationToken ct)
    {
        if (membershipId is not { } id) return null;
        return await db.Memberships.Where(m => m.Id == id).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.FullName).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException(field, "Người được chọn phải là thành viên của đơn vị.");
    }
}
