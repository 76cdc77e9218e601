using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Reviews;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Reviews;

public sealed class ReviewScoringShould
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Ten criteria of 10 points (one bound to the on-time rate), two bonuses capped at 10, a late-task deduction capped at 5.</summary>
    private static CriteriaSheet Sheet() => new()
    {
        Total = 100,
        Groups =
        [
            new CriterionGroup
            {
                Name = "I", Criteria = [.. Enumerable.Range(1, 10).Select(i => new Criterion
                {
                    Code = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Title = $"Tiêu chí {i}", MaxPoints = 10,
                    Live = i == 9 ? new LiveBinding { IndicatorCode = "tasks.on_time_rate", Kind = LiveBindingKind.Percentage } : null,
                    SelfScored = i != 10,
                })],
            },
        ],
        Bonuses = [new BonusRule { Code = "T1", Title = "Mô hình", MaxPoints = 8 }, new BonusRule { Code = "T2", Title = "Khen thưởng", MaxPoints = 8 }],
        BonusCap = 10,
        Deductions = [new DeductionRule { Code = "D1", Title = "Nhiệm vụ quá hạn", PointsEach = 1, MaxPoints = 8, IndicatorCode = "tasks.overdue" }],
        DeductionCap = 5,
        Bands =
        [
            new ScoreBand { Name = "Hoàn thành xuất sắc", MinScore = 90 }, new ScoreBand { Name = "Hoàn thành tốt", MinScore = 70 },
            new ScoreBand { Name = "Hoàn thành", MinScore = 50 }, new ScoreBand { Name = "Không hoàn thành", MinScore = 0 },
        ],
    };

    private static ScoreLine Line(string code, decimal? self, decimal? appraised = null) => new() { Code = code, SelfScore = self, AppraisedScore = appraised };

    [Fact]
    public void Add_criteria_and_capped_bonus_and_subtract_capped_deductions()
    {
        var lines = Enumerable.Range(1, 10).Select(i => Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 8))
            .Append(Line("T1", 8)).Append(Line("T2", 8)).Append(Line("D1", 8)).ToList();
        var total = ReviewScoring.Compute(Sheet(), lines);
        Assert.Equal(80, total.Criteria);
        Assert.Equal(10, total.Bonus);
        Assert.Equal(5, total.Deduction);
        Assert.Equal(85, total.Total);
    }

    [Fact]
    public void Prefer_the_appraised_score_over_the_self_score()
    {
        var total = ReviewScoring.Compute(Sheet(), [Line("1", 10, appraised: 6), Line("2", 10)]);
        Assert.Equal(16, total.Total);
    }

    [Theory]
    [InlineData(95, "Hoàn thành xuất sắc")]
    [InlineData(90, "Hoàn thành xuất sắc")]
    [InlineData(89.99, "Hoàn thành tốt")]
    [InlineData(50, "Hoàn thành")]
    [InlineData(0, "Không hoàn thành")]
    public void Map_a_total_to_its_band(decimal total, string band) => Assert.Equal(band, ReviewScoring.BandOf(Sheet().Bands, total));

    [Fact]
    public void Refuse_a_sheet_whose_maxima_do_not_add_up_to_its_total()
    {
        var sheet = Sheet();
        sheet.Total = 90;
        Assert.Contains(ReviewScoring.Problems(sheet), p => p.Field == "total");
        Assert.Empty(ReviewScoring.Problems(Sheet()));
    }

    [Fact]
    public void Refuse_bands_without_a_floor_and_duplicate_codes()
    {
        var sheet = Sheet();
        sheet.Bands.RemoveAt(3);
        sheet.Bonuses[0].Code = "1";
        var problems = ReviewScoring.Problems(sheet);
        Assert.Contains(problems, p => p.Field == "bands");
        Assert.Contains(problems, p => p.Field == "groups" && p.Message.Contains("trùng", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_ties_together_and_leave_units_set_aside_unranked()
    {
        var ranks = ReviewScoring.Rank([(80, true), (95, true), (80, true), (99, false), (60, true)]);
        Assert.Equal(new int?[] { 2, 1, 2, null, 4 }, ranks);
    }

    [Fact]
    public void Pre_fill_live_criteria_and_count_deductions()
    {
        var s = Opened();
        s.Prefill(new Dictionary<string, decimal> { ["tasks.on_time_rate"] = 75, ["tasks.overdue"] = 3 });
        Assert.Equal(7.5m, s.Lines.Single(l => l.Code == "9").SelfScore);
        Assert.Equal(75, s.Lines.Single(l => l.Code == "9").LiveValue);
        Assert.Equal(3, s.Lines.Single(l => l.Code == "D1").SelfScore);
    }

    [Fact]
    public void Refuse_a_self_score_above_the_maximum_or_on_an_appraiser_only_criterion()
    {
        var s = Opened();
        Assert.Equal("lines[0].score", Assert.Throws<DomainRuleException>(() => s.Score([Line("1", 11)], Today)).Field);
        Assert.Equal("lines[0].score", Assert.Throws<DomainRuleException>(() => s.Score([Line("10", 5)], Today)).Field);
    }

    [Fact]
    public void Require_evidence_or_an_explanation_to_submit()
    {
        var s = Opened();
        s.Score([.. Enumerable.Range(1, 9).Select(i => Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 5))], Today);
        var refused = Assert.Throws<DomainRuleException>(() => s.Submit(Today, Now));
        Assert.EndsWith(".explanation", refused.Field);
        s.Score([.. Enumerable.Range(1, 9).Select(i => new ScoreLine { Code = i.ToString(System.Globalization.CultureInfo.InvariantCulture), SelfScore = 5, Explanation = "Đã thực hiện" })], Today);
        s.Submit(Today, Now);
        Assert.Equal(SelfAssessmentState.Submitted, s.State);
    }

    [Fact]
    public void Lock_at_the_deadline_and_refuse_edits_submissions_and_withdrawals_after_it()
    {
        var s = Opened(deadline: Today.AddDays(-1));
        Assert.Equal("deadline", Assert.Throws<DomainRuleException>(() => s.Score([Line("1", 5)], Today)).Field);
        Assert.Equal("deadline", Assert.Throws<DomainRuleException>(() => s.Submit(Today, Now)).Field);
        Assert.True(s.LockIfDue(Today));
        Assert.False(s.LockIfDue(Today));
        Assert.Equal(SelfAssessmentState.Locked, s.State);
    }

    [Fact]
    public void Allow_withdrawal_and_editing_before_the_deadline()
    {
        var s = Opened();
        s.Score([.. Enumerable.Range(1, 9).Select(i => new ScoreLine { Code = i.ToString(System.Globalization.CultureInfo.InvariantCulture), SelfScore = 5, Explanation = "x" })], Today);
        s.Submit(Today, Now);
        Assert.Equal("state", Assert.Throws<DomainRuleException>(() => s.Score([Line("1", 6)], Today)).Field);
        s.Withdraw(Today);
        s.Score([new ScoreLine { Code = "1", SelfScore = 6, Explanation = "x" }], Today);
        Assert.Equal(6, s.Lines.Single(l => l.Code == "1").SelfScore);
    }

    [Fact]
    public void Refuse_an_adjustment_without_a_reason_or_above_the_maximum_and_any_after_finalization()
    {
        var (cycle, review) = Cycle();
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => review.Appraise(cycle.Sheet, "1", 5, " ", "Thẩm định viên", Now)).Field);
        Assert.Equal("score", Assert.Throws<DomainRuleException>(() => review.Appraise(cycle.Sheet, "1", 12, "Quá cao", "Thẩm định viên", Now)).Field);
        var line = review.Appraise(cycle.Sheet, "1", 6, "Minh chứng chưa đủ", "Thẩm định viên", Now);
        Assert.Equal("Minh chứng chưa đủ", line.AppraisalReason);
        cycle.Finalize([], "Bí thư", Now);
        Assert.Equal("state", Assert.Throws<DomainRuleException>(() => cycle.EnsureOpen()).Field);
    }

    [Fact]
    public void Let_only_the_named_appraiser_adjust_a_criterion()
    {
        var (cycle, _) = Cycle();
        var named = Guid.NewGuid();
        cycle.AssignAppraisers([new CriterionAppraiser { Code = "3", UserId = named, Name = "A" }]);
        Assert.True(cycle.MayAppraise("3", named));
        Assert.False(cycle.MayAppraise("3", Guid.NewGuid()));
        Assert.True(cycle.MayAppraise("4", Guid.NewGuid()));
    }

    [Fact]
    public void Reopen_only_with_a_reason()
    {
        var (cycle, _) = Cycle();
        cycle.Finalize([], "Bí thư", Now);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => cycle.Reopen(" ", null, Today)).Field);
        cycle.Reopen("Phát hiện sai sót khi tổng hợp", null, Today);
        Assert.Equal(ReviewCycleState.Open, cycle.State);
        Assert.Equal("Phát hiện sai sót khi tổng hợp", cycle.ReopenReason);
    }

    private static (ReviewCycle Cycle, UnitReview Review) Cycle(DateOnly? deadline = null)
    {
        var template = new CriteriaTemplate("Bộ tiêu chí 2026", null, Sheet(), null, "Bí thư", Now);
        var cycle = new ReviewCycle(2026, "Đánh giá năm 2026", template, deadline ?? Today.AddDays(5), "Bí thư", Now);
        return (cycle, new UnitReview(cycle, Guid.NewGuid(), "xa-a", "Đảng ủy xã A"));
    }

    private static SelfAssessment Opened(DateOnly? deadline = null)
    {
        var (cycle, review) = Cycle(deadline);
        return SelfAssessment.Received(review, cycle, Guid.NewGuid(), "Tỉnh ủy");
    }

    // Properties: whatever the scores (negative, above the maxima, appraised or not), the total stays within
    // [0, template maximum + bonus cap]; and a higher total never maps to a lower band.

    private static Arbitrary<decimal?[]> Scores() =>
        Gen.Choose(-50, 150).Select(i => (decimal?)(i / 2m)).ArrayOf(13).ToArbitrary();

    [Property]
    public Property Keep_the_total_between_zero_and_the_maximum_plus_the_bonus_cap() =>
        Prop.ForAll(Scores(), Scores(), (self, appraised) =>
        {
            var sheet = Sheet();
            var codes = sheet.Codes.ToList();
            var lines = codes.Select((c, i) => Line(c, self[i], i % 3 == 0 ? appraised[i] : null)).ToList();
            var total = ReviewScoring.Compute(sheet, lines).Total;
            return total >= 0 && total <= sheet.Total + sheet.BonusCap;
        });

    [Property]
    public Property Map_bands_monotonically() =>
        Prop.ForAll(Gen.Choose(0, 11000).Select(i => i / 100m).ToArbitrary(), Gen.Choose(0, 11000).Select(i => i / 100m).ToArbitrary(), (a, b) =>
        {
            var bands = Sheet().Bands;
            var order = bands.OrderBy(x => x.MinScore).Select(x => x.Name).ToList();
            var (low, high) = a <= b ? (a, b) : (b, a);
            return order.IndexOf(ReviewScoring.BandOf(bands, low)) <= order.IndexOf(ReviewScoring.BandOf(bands, high));
        });

    [Property]
    public Property Rank_a_higher_total_never_below_a_lower_one() =>
        Prop.ForAll(Gen.Choose(0, 100).Select(i => (decimal)i).ArrayOf().ToArbitrary(), totals =>
        {
            var ranks = ReviewScoring.Rank([.. totals.Select(t => (t, true))]);
            return totals.Select((t, i) => (t, r: ranks[i]!.Value)).All(x => totals.Select((u, j) => (u, s: ranks[j]!.Value)).All(y => x.t <= y.u || x.r < y.s));
        });
}
