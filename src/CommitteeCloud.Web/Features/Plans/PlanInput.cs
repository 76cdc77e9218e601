using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>A plan as the editor sends it.</summary>
public sealed record PlanInput(
    int Year, string Title, string? Number = null, string? Purpose = null, string? Requirements = null, string[]? Objectives = null,
    PlanTargetInput[]? Targets = null, PlanActivityInput[]? Activities = null, Guid? ImplementsDirectiveId = null);

/// <summary>A target: with an <c>IndicatorCode</c> the system counts its actual, without one an officer types it.</summary>
public sealed record PlanTargetInput(
    string Name, string Unit, decimal TargetValue, TargetKind Kind = TargetKind.AtLeast, string? IndicatorCode = null, Guid? Id = null,
    decimal? ManualActual = null);

/// <summary>An activity: no lead unit means the unit itself leads it.</summary>
public sealed record PlanActivityInput(
    string Title, DateOnly From, DateOnly To, string? Content = null, Guid[]? LeadTenantIds = null, Guid[]? CoordinatingTenantIds = null,
    Guid? LeaderMembershipId = null, Guid? Id = null);

public sealed class PlanInputValidator : AbstractValidator<PlanInput>
{
    public PlanInputValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(AnnualPlan.MinYear, AnnualPlan.MaxYear).WithMessage("Năm của kế hoạch không hợp lệ.");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên kế hoạch.").MaximumLength(AnnualPlan.TitleMaxLength);
        RuleFor(x => x.Number).MaximumLength(AnnualPlan.NumberMaxLength);
        RuleFor(x => x.Purpose).MaximumLength(AnnualPlan.TextMaxLength);
        RuleFor(x => x.Requirements).MaximumLength(AnnualPlan.TextMaxLength);
        RuleFor(x => x.Objectives).Must(o => o is null || o.Length <= 100).WithMessage("Tối đa 100 mục tiêu.");
        RuleForEach(x => x.Objectives).MaximumLength(2000);
        RuleFor(x => x.Targets).Must(t => t is null || t.Length <= 200).WithMessage("Tối đa 200 chỉ tiêu.");
        RuleFor(x => x.Activities).Must(a => a is null || a.Length <= 300).WithMessage("Tối đa 300 nhiệm vụ.");
        RuleForEach(x => x.Targets).ChildRules(t =>
        {
            t.RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên chỉ tiêu.").MaximumLength(512);
            t.RuleFor(x => x.Unit).NotNull().MaximumLength(64);
            t.RuleFor(x => x.Kind).IsInEnum();
            t.RuleFor(x => x.TargetValue).GreaterThanOrEqualTo(0).WithMessage("Giá trị chỉ tiêu không được âm.")
                .LessThan(1_000_000_000_000m);
            t.RuleFor(x => x.TargetValue).GreaterThanOrEqualTo(1).When(x => x.Kind == TargetKind.Rank).WithMessage("Thứ hạng phải từ 1 trở lên.");
            t.RuleFor(x => x.IndicatorCode).MaximumLength(100);
            t.RuleFor(x => x.ManualActual).GreaterThanOrEqualTo(0).WithMessage("Số liệu thực hiện không được âm.");
        });
        // The time frame lies inside the plan's year: each activity is checked knowing it.
        RuleForEach(x => x.Activities).SetValidator(plan => new PlanActivityInputValidator(plan.Year));
    }
}

/// <summary>Not registered (it is not public): it needs the plan's year, given by <see cref="PlanInputValidator"/>.</summary>
internal sealed class PlanActivityInputValidator : AbstractValidator<PlanActivityInput>
{
    public PlanActivityInputValidator(int year)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên nhiệm vụ.").MaximumLength(WorkTaskLimits.Title);
        RuleFor(x => x.Content).MaximumLength(WorkTaskLimits.Text);
        RuleFor(x => x.From).Must(d => d.Year == year).WithMessage($"Thời gian thực hiện phải trong năm {year}.");
        RuleFor(x => x.To).Must(d => d.Year == year).WithMessage($"Thời gian thực hiện phải trong năm {year}.")
            .GreaterThanOrEqualTo(x => x.From).WithMessage("Ngày kết thúc phải sau ngày bắt đầu.");
        RuleFor(x => x.LeadTenantIds).Must(ids => ids is null || ids.Length <= 500);
        RuleFor(x => x.CoordinatingTenantIds).Must(ids => ids is null || ids.Length <= 500);
    }
}

internal static class WorkTaskLimits
{
    public const int Title = Domain.Tasks.WorkTask.TitleMaxLength;
    public const int Text = Domain.Tasks.WorkTask.TextMaxLength;
}

public static class PlanInputs
{
    /// <summary>
    /// The domain's fields, after checking what only the database knows: indicator codes exist, units are active
    /// direct children, the leader is a member, the plan implemented is a received Kế hoạch of this unit.
    /// </summary>
    public static async Task<PlanFields> ToFieldsAsync(this PlanInput input, AppDbContext db, TaskHandOffs handOffs,
        IEnumerable<IIndicatorSource> sources, CancellationToken ct)
    {
        var codes = sources.SelectMany(s => s.Indicators).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var targets = new List<PlanTarget>();
        foreach (var (t, i) in (input.Targets ?? []).Select((t, i) => (t, i)))
        {
            var code = string.IsNullOrWhiteSpace(t.IndicatorCode) ? null : t.IndicatorCode.Trim();
            if (code is not null && !codes.Contains(code))
                throw new DomainRuleException($"plan.targets[{i}].indicatorCode", "Không có số liệu tự động với mã này.");
            targets.Add(new PlanTarget(t.Id ?? Guid.CreateVersion7(), t.Name, t.Unit ?? "", t.Kind, t.TargetValue, code, code is null ? t.ManualActual : null));
        }
        var activities = new List<PlanActivity>();
        foreach (var (a, i) in (input.Activities ?? []).Select((a, i) => (a, i)))
        {
            foreach (var id in a.LeadTenantIds ?? []) await handOffs.ChildAsync(id, $"plan.activities[{i}].leadTenantIds", ct);
            foreach (var id in a.CoordinatingTenantIds ?? []) await handOffs.ChildAsync(id, $"plan.activities[{i}].coordinatingTenantIds", ct);
            string? leader = null;
            if (a.LeaderMembershipId is { } m)
                leader = await db.Memberships.Where(x => x.Id == m).Join(db.Users, x => x.UserId, u => u.Id, (x, u) => u.FullName).FirstOrDefaultAsync(ct)
                    ?? throw new DomainRuleException($"plan.activities[{i}].leaderMembershipId", "Lãnh đạo phụ trách phải là thành viên của đơn vị.");
            activities.Add(new PlanActivity(a.Id ?? Guid.CreateVersion7(), a.Title, a.Content, a.LeadTenantIds ?? [], a.CoordinatingTenantIds ?? [],
                a.From, a.To, a.LeaderMembershipId, leader, null));
        }
        string? reference = null;
        if (input.ImplementsDirectiveId is { } parentPlan)
        {
            var copy = await db.Directives.AsNoTracking().FirstOrDefaultAsync(d => d.Id == parentPlan, ct);
            if (copy is not { Status: DirectiveStatus.Received, Kind: DirectiveKind.Plan })
                throw new DomainRuleException("plan.implementsDirectiveId", "Hãy chọn một kế hoạch cấp trên đã nhận.");
            reference = PlanNames.Reference(copy);
        }
        return new PlanFields(input.Year, input.Number, input.Title, input.Purpose, input.Requirements, input.Objectives ?? [],
            targets, activities, input.ImplementsDirectiveId, reference);
    }
}

public static class PlanNames
{
    /// <summary>"Kế hoạch số 05-KH/TU ngày 10/01/2026 của Ban Thường vụ Tỉnh ủy Lạng Sơn".</summary>
    public static string Reference(Directive copy) =>
        $"Kế hoạch số {copy.Number}" + (copy.IssueDate is { } d ? $" ngày {d:dd/MM/yyyy}" : "") + $" của {copy.IssuingBody}";

    public static string Status(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Dự thảo",
        PlanStatus.Issued => "Đã ban hành",
        PlanStatus.Reviewed => "Đã sơ kết",
        _ => "Đã tổng kết",
    };

    public static string Status(TargetStatus status) => status switch
    {
        TargetStatus.Met => "Đạt",
        TargetStatus.Exceeded => "Vượt",
        TargetStatus.NotMet => "Chưa đạt",
        _ => "Chưa có số liệu",
    };

    public static string Kind(ReviewKind kind) => kind == ReviewKind.MidYear ? "Sơ kết 6 tháng" : "Tổng kết năm";

    public static string Kind(TargetKind kind) => kind switch
    {
        TargetKind.AtLeast => "Ít nhất",
        TargetKind.AtMost => "Không quá",
        _ => "Xếp hạng",
    };

    public static string Value(decimal value) => value.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
