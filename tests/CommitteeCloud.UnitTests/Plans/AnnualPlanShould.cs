using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Plans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Plans;

public sealed class AnnualPlanShould
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    private static PlanFields Fields(int year = 2025, IReadOnlyList<PlanTarget>? targets = null, IReadOnlyList<PlanActivity>? activities = null) => new(
        year, "05-KH/TU", $"Kế hoạch công tác dân vận năm {year}", "Mục đích", "Yêu cầu", ["Mục tiêu 1"],
        targets ?? [new PlanTarget(Guid.NewGuid(), "Chỉ số PAPI", "hạng", TargetKind.Rank, 10, null, 12)],
        activities ?? [new PlanActivity(Guid.NewGuid(), $"Đối thoại năm {year}", null, [Guid.NewGuid()], [], new DateOnly(year, 2, 29 - (DateTime.IsLeapYear(year) ? 0 : 1)), new DateOnly(year, 12, 31), null, null, null)],
        null, null);

    [Theory]
    [InlineData(TargetKind.AtLeast, 10, 9, TargetStatus.NotMet)]
    [InlineData(TargetKind.AtLeast, 10, 10, TargetStatus.Met)]
    [InlineData(TargetKind.AtLeast, 10, 11, TargetStatus.Exceeded)]
    [InlineData(TargetKind.AtMost, 0, 0, TargetStatus.Met)]
    [InlineData(TargetKind.AtMost, 2, 3, TargetStatus.NotMet)]
    [InlineData(TargetKind.Rank, 10, 8, TargetStatus.Exceeded)]
    [InlineData(TargetKind.Rank, 10, 10, TargetStatus.Met)]
    [InlineData(TargetKind.Rank, 10, 12, TargetStatus.NotMet)]
    public void Judge_a_target_by_its_kind(TargetKind kind, int target, int actual, TargetStatus expected) =>
        Assert.Equal(expected, PlanRules.StatusOf(kind, target, actual));

    [Fact]
    public void Have_no_judgement_without_a_figure() => Assert.Equal(TargetStatus.NoData, PlanRules.StatusOf(TargetKind.AtLeast, 0, null));

    [Property]
    public void Judge_a_rank_as_the_mirror_of_at_least(PositiveInt target, PositiveInt actual) =>
        Assert.Equal(PlanRules.StatusOf(TargetKind.AtLeast, -target.Get, -actual.Get), PlanRules.StatusOf(TargetKind.Rank, target.Get, actual.Get));

    [Property]
    public void Never_call_met_what_is_worse_than_planned(NonNegativeInt target, NonNegativeInt actual)
    {
        var status = PlanRules.StatusOf(TargetKind.AtLeast, target.Get, actual.Get);
        Assert.Equal(actual.Get < target.Get, status == TargetStatus.NotMet);
    }

    [Fact]
    public void Refuse_a_negative_target_naming_it()
    {
        var error = Assert.Throws<DomainRuleException>(() => new AnnualPlan(Fields(targets: [new PlanTarget(Guid.NewGuid(), "Đối thoại", "cuộc", TargetKind.AtLeast, -1, null, null)]), Now, null));
        Assert.Equal("plan.targets[0].targetValue", error.Field);
    }

    [Fact]
    public void Refuse_an_activity_outside_the_plan_s_year()
    {
        var activity = new PlanActivity(Guid.NewGuid(), "Việc", null, [], [], new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 10), null, null, null);
        var error = Assert.Throws<DomainRuleException>(() => new AnnualPlan(Fields(activities: [activity]), Now, null));
        Assert.Equal("plan.activities[0].to", error.Field);
    }

    [Property]
    public void Copy_every_activity_one_year_on_inside_the_next_year(PositiveInt dayOfYear, PositiveInt length)
    {
        var year = 2024;
        var from = new DateOnly(year, 1, 1).AddDays(dayOfYear.Get % 366);
        var to = from.AddDays(length.Get % 40);
        if (to.Year != year) to = new DateOnly(year, 12, 31);
        var plan = new AnnualPlan(Fields(year, activities: [new PlanActivity(Guid.NewGuid(), "Việc", null, [], [], from, to, null, null, null)]), Now, null);

        var copy = plan.CopyForNextYear(Now, null);

        var copied = Assert.Single(copy.Activities);
        Assert.Equal(year + 1, copied.From.Year);
        Assert.Equal(year + 1, copied.To.Year);
        Assert.True(copied.From <= copied.To);
        Assert.Equal(PlanStatus.Draft, copy.Status);
        Assert.Equal(plan.Id, copy.CopiedFromPlanId);
    }

    [Fact]
    public void Copy_purpose_objectives_and_targets_but_not_the_typed_actuals()
    {
        var plan = new AnnualPlan(Fields(), Now, null);
        var copy = plan.CopyForNextYear(Now, null);
        Assert.Equal("Kế hoạch công tác dân vận năm 2026", copy.Title);
        Assert.Equal(plan.Purpose, copy.Purpose);
        Assert.Equal(plan.Objectives, copy.Objectives);
        var target = Assert.Single(copy.Targets);
        Assert.Equal(10, target.TargetValue);
        Assert.Null(target.ManualActual);
        Assert.NotEqual(plan.Targets[0].Id, target.Id);
        Assert.Equal("Đối thoại năm 2026", copy.Activities[0].Title);
    }

    [Fact]
    public void Be_read_only_once_issued_and_closed_by_the_year_end_review()
    {
        var plan = new AnnualPlan(Fields(), Now, null);
        var activity = plan.Activities[0];
        var task = Guid.NewGuid();
        plan.MarkIssued(null, null, "05-KH/TU", Guid.NewGuid(), activity.LeadTenantIds.ToList(), new Dictionary<Guid, Guid> { [activity.Id] = task }, Now);
        Assert.Equal(task, plan.Activities[0].TaskId);
        Assert.Contains(plan.DomainEvents, e => e is PlanSentDown s && s.TargetTenantId == activity.LeadTenantIds[0]);
        Assert.Throws<DomainRuleException>(() => plan.Edit(Fields(), Now));

        var review = new PlanReview(plan, ReviewKind.YearEnd, new ReviewFigures([], [], 0, 0, 0, 0), "Kết quả", Now, null);
        review.Issue(plan, null, Now);
        Assert.Equal(PlanStatus.Closed, plan.Status);
        Assert.Throws<DomainRuleException>(() => review.Write(new ReviewText("x", null, null, null, null), Now));
        Assert.Throws<DomainRuleException>(() => plan.RecordActual(plan.Targets[0].Id, 3, Now));
    }

    [Fact]
    public void Keep_a_typed_actual_when_the_draft_is_edited()
    {
        var plan = new AnnualPlan(Fields(), Now, null);
        var target = plan.Targets[0];
        plan.Edit(Fields(targets: [target with { Name = "Chỉ số PAPI của tỉnh", ManualActual = null }]), Now);
        Assert.Equal(12, plan.Targets[0].ManualActual);
        Assert.Equal("Chỉ số PAPI của tỉnh", plan.Targets[0].Name);
    }
}
