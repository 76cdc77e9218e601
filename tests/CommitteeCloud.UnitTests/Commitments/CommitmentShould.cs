using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Commitments;

public sealed class CommitmentShould
{
    private static readonly DateOnly Today = new(2026, 2, 10);
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 3, 0, 0, TimeSpan.Zero);

    private static (CommitmentSlot Slot, Commitment Child) Opened(int deadlineInDays = 5)
    {
        var round = new CommitmentRound(2026, "Đăng ký thi đua năm 2026", null, Today.AddDays(deadlineInDays), "Bí thư", Now);
        var slot = new CommitmentSlot(round, Guid.NewGuid(), "xa-a", "Đảng ủy xã A");
        return (slot, Commitment.Received(slot.ChildCommitmentId, Guid.NewGuid(), "Tỉnh ủy", round, slot, "Bí thư", Now));
    }

    private static readonly CommitmentTarget[] Targets = [new() { Name = "Đối thoại với Nhân dân", Unit = "cuộc", Target = 2 }];
    private static readonly CommittedModel[] Models = [new() { ModelId = Guid.NewGuid(), Name = "Dân vận khéo", Field = "Economy" }];

    [Fact]
    public void Refuse_registration_after_the_deadline_until_reopened()
    {
        var (_, child) = Opened(deadlineInDays: -1);
        var refused = Assert.Throws<DomainRuleException>(() => child.Register("Hoàn thành xuất sắc nhiệm vụ", Targets, Models, Today, Now, "x", "A"));
        Assert.Equal("deadline", refused.Field);
        child.Decide(CommitmentEntryKind.Reopened, null, Today.AddDays(2), Now, "Bí thư", "Tỉnh ủy");
        child.Register("Hoàn thành xuất sắc nhiệm vụ", Targets, Models, Today, Now, "x", "A");
        Assert.Equal(CommitmentState.Submitted, child.State);
        Assert.True(child.SubmittedLate);
    }

    [Fact]
    public void Refuse_a_registration_without_a_model() =>
        Assert.Equal("models", Assert.Throws<DomainRuleException>(() => Opened().Child.Register("Hoàn thành tốt nhiệm vụ", Targets, [], Today, Now, "x", "A")).Field);

    [Property]
    public Property Refuse_every_negative_target_naming_it() =>
        Prop.ForAll(Gen.Choose(-100000, -1).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (value, position) =>
        {
            var targets = Enumerable.Range(0, 4).Select(i => new CommitmentTarget { Name = $"Chỉ tiêu {i}", Unit = "%", Target = i == position ? value : 10 }).ToList();
            var error = Assert.Throws<DomainRuleException>(() => Opened().Child.Register("Hoàn thành tốt nhiệm vụ", targets, Models, Today, Now, "x", "A"));
            return error.Field == $"targets[{position}].target";
        });

    [Fact]
    public void Let_the_parent_ignore_reports_older_than_what_it_holds()
    {
        var (slot, child) = Opened();
        child.Register("Hoàn thành xuất sắc nhiệm vụ", Targets, Models, Today, Now, "x", "A");
        var first = (CommitmentReported)child.DomainEvents.Single();
        child.Register("Tập thể lao động xuất sắc", Targets, Models, Today, Now.AddMinutes(1), "x", "A");
        var second = (CommitmentReported)child.DomainEvents[1];
        Assert.True(slot.Apply(second));
        Assert.False(slot.Apply(first));
        Assert.False(slot.Apply(second));
        Assert.Equal("Tập thể lao động xuất sắc", slot.TitleSought);
        Assert.Equal(2, slot.Revision);
    }

    [Fact]
    public void Approve_or_return_only_what_is_submitted_and_return_only_with_comments()
    {
        var (slot, _) = Opened();
        Assert.Equal("decision", Assert.Throws<DomainRuleException>(() => slot.CheckDecision(CommitmentEntryKind.Approved, null, null, Today)).Field);
        Assert.Equal(BoardStatus.NotYet, slot.StatusOn(Today));
        Assert.Equal(BoardStatus.Late, slot.StatusOn(Today.AddDays(6)));
    }

    [Theory]
    [InlineData(2, null, true)]
    [InlineData(1, null, false)]
    [InlineData(null, 3, true)]
    [InlineData(null, null, null)]
    [InlineData(1, 5, false)]
    public void Judge_a_target_by_the_actual_entered_else_the_live_figure(int? actual, int? live, bool? met) =>
        Assert.Equal(met, CommitmentRules.TargetMet(new CommitmentTarget { Target = 2, Actual = actual }, live));

    [Fact]
    public void Be_met_only_when_every_target_is_met_and_every_model_recognized()
    {
        Assert.True(CommitmentRules.Met([true, true], [true]));
        Assert.False(CommitmentRules.Met([true, true], [false]));
        Assert.False(CommitmentRules.Met([true, null], [false]));
        Assert.Null(CommitmentRules.Met([true, null], [true]));
    }
}

public sealed class MassMobilizationModelShould
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);

    private static MassMobilizationModel Model() => new(2026,
        new ModelContent("Dân vận khéo trong xây dựng nông thôn mới", ModelField.Economy, true, null, null, null, null, null, null, null, null, null, null, null, null),
        "Bí thư", "Chi bộ A1", Now);

    [Fact]
    public void Go_through_the_funnel_in_order()
    {
        var model = Model();
        Assert.Equal("level", Assert.Throws<DomainRuleException>(() => model.Recognize(RecognitionLevel.Commune, null, Now, "x", "Xã")).Field);
        Assert.Throws<DomainRuleException>(() => model.MarkTypical(null, Now, "x", "Xã"));
        model.RecordSurvey(new DateOnly(2026, 6, 1), "Hiệu quả", "Đạt", Now, "x", "Ban Dân vận");
        Assert.Equal(FunnelStage.Surveyed, model.Stage);
        model.Recognize(RecognitionLevel.Commune, null, Now, "x", "Xã");
        Assert.Throws<DomainRuleException>(() => model.ProposeForAward("Bằng khen", Now, "x", "Tỉnh"));
        model.MarkTypical(null, Now, "x", "Tỉnh");
        model.ProposeForAward("Bằng khen", Now, "x", "Tỉnh");
        Assert.Equal(FunnelStage.Proposed, model.Stage);
    }

    [Property]
    public Property Place_every_combination_of_flags_at_its_furthest_step() =>
        Prop.ForAll(Gen.Choose(0, 15).ToArbitrary(), flags =>
        {
            var (surveyed, recognized, typical, proposed) = ((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0);
            var stage = ModelRules.StageOf(surveyed, recognized, typical, proposed);
            return (proposed ? stage == FunnelStage.Proposed : stage < FunnelStage.Proposed)
                && (surveyed || recognized || typical || proposed || stage == FunnelStage.Registered);
        });

    [Fact]
    public void Continue_into_next_year_linked_both_ways_and_refuse_work_once_ended()
    {
        var model = Model();
        var next = model.ContinueIntoNextYear(Now, "x", "Chi bộ A1");
        Assert.Equal((2027, model.Id, next.Id), (next.Year, next.PreviousModelId!.Value, model.NextModelId!.Value));
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => model.ReportProgress("x", [], Now, "x", "A1")).Field);
    }

    [Fact]
    public void Count_each_replica_once()
    {
        var model = Model();
        var replica = Guid.NewGuid();
        Assert.True(model.AddReplication(replica, Guid.NewGuid(), "Xã A", Now));
        Assert.False(model.AddReplication(replica, Guid.NewGuid(), "Xã A", Now));
        Assert.Single(model.Replications);
    }
}
