using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Reports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Reports;

public sealed class ReportShould
{
    private static readonly DateOnly Today = new(2026, 4, 10);
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    private static readonly TemplateIndicator[] Indicators =
    [
        new() { Key = "i1", Name = "Số cuộc đối thoại", Unit = "cuộc", Rule = AggregationRule.Sum, IndicatorCode = "dialogues.held" },
        new() { Key = "i2", Name = "Tỷ lệ quán triệt", Unit = "%", Rule = AggregationRule.Average },
        new() { Key = "i3", Name = "Có mô hình cấp tỉnh", Unit = "có/không", Rule = AggregationRule.CountYes },
    ];

    private static (ReportSlot Slot, Report Child) Requested(int deadlineInDays = 5, int opensInDays = 0)
    {
        var request = new ReportRequest(ReportKind.Quarterly, 2026, 1, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), Today.AddDays(opensInDays),
            Today.AddDays(Math.Max(deadlineInDays, opensInDays)), "Kết quả công tác dân vận quý I năm 2026", null, null, "Mẫu",
            [new TemplateSection { Title = "Kết quả" }], Indicators, null, null, "Bí thư", Now);
        var slot = new ReportSlot(request, Guid.NewGuid(), "xa-a", "Đảng ủy xã A");
        return (slot, Report.Received(slot.ChildReportId, Guid.NewGuid(), "Tỉnh ủy", request, slot, "Bí thư", Now));
    }

    private static ReportDraft Draft(decimal? dialogues, string? note = null) =>
        new(["Đã tổ chức đối thoại."], [new("i1", dialogues, note), new("i2", 90, null), new("i3", 1, null)], new ReportSignature("1-BC/ĐU", "Lạng Sơn", "A", "BÍ THƯ"));

    [Fact]
    public void Prefill_uncorrected_figures_and_keep_corrected_ones_beside_the_computed_figure()
    {
        var (_, report) = Requested();
        report.Prefill(new Dictionary<string, decimal> { ["dialogues.held"] = 2 });
        Assert.Equal(2, report.Indicators[0].Value);
        report.Edit(Draft(5, "Có 03 cuộc ở thôn chưa nhập"), Today, Now);
        report.Prefill(new Dictionary<string, decimal> { ["dialogues.held"] = 3 });
        Assert.Equal(5, report.Indicators[0].Value);
        Assert.Equal(3, report.Indicators[0].Computed);
        Assert.True(report.Indicators[0].Corrected);
    }

    [Fact]
    public void Refuse_a_correction_without_a_note_naming_the_field()
    {
        var (_, report) = Requested();
        report.Prefill(new Dictionary<string, decimal> { ["dialogues.held"] = 2 });
        var refused = Assert.Throws<DomainRuleException>(() => report.Edit(Draft(5), Today, Now));
        Assert.Equal("indicators[0].note", refused.Field);
        Assert.Equal(2, report.Indicators[0].Value);
    }

    [Fact]
    public void Refuse_a_yes_no_figure_other_than_0_or_1()
    {
        var (_, report) = Requested();
        var draft = new ReportDraft([], [new("i3", 2, null)], new ReportSignature(null, null, null, null));
        Assert.Equal("indicators[0].value", Assert.Throws<DomainRuleException>(() => report.Edit(draft, Today, Now)).Field);
    }

    [Fact]
    public void Go_draft_approved_submitted_returned_and_back_only_in_order()
    {
        var (slot, report) = Requested();
        report.Prefill(new Dictionary<string, decimal> { ["dialogues.held"] = 1 });
        report.Edit(Draft(1), Today, Now);
        Assert.Throws<DomainRuleException>(() => report.Submit([], 1, Today, Now, "x", "A"));
        report.Approve(Today, Now, "Bí thư", "A");
        // Editing an approved report sends it back for approval.
        report.Edit(Draft(1), Today, Now);
        Assert.Equal(ReportState.Draft, report.State);
        report.Approve(Today, Now, "Bí thư", "A");
        report.Submit(ReportAggregation.CellsOf(report.Indicators), 1, Today, Now, "x", "A");
        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Throws<DomainRuleException>(() => report.Edit(Draft(1), Today, Now));
        Assert.Throws<DomainRuleException>(() => report.Approve(Today, Now, "x", "A"));

        var submitted = Assert.IsType<ReportSubmitted>(Assert.Single(report.DomainEvents));
        Assert.True(slot.Apply(submitted));
        Assert.False(slot.Apply(submitted));
        Assert.Equal(ReportBoardStatus.OnTime, slot.StatusOn(Today));
        slot.Return("Bổ sung", Now, "Tỉnh", "Tỉnh ủy", report.Sequence + 1);
        report.Return("Bổ sung", Now, "Tỉnh", "Tỉnh ủy");
        Assert.Equal(ReportBoardStatus.Returned, slot.StatusOn(Today));
        Assert.Equal(ReportState.Returned, report.State);
        // An old delivery arriving after the return changes nothing.
        Assert.False(slot.Apply(submitted));
        // Nothing submitted, nothing to return; a return needs its comments.
        var (fresh, _) = Requested();
        Assert.Equal("state", Assert.Throws<DomainRuleException>(() => fresh.CheckReturn("Bổ sung")).Field);
        var (other, otherReport) = Requested();
        otherReport.Edit(Draft(0, "Chưa có số liệu hệ thống"), Today, Now);
        otherReport.Approve(Today, Now, "x", "A");
        otherReport.Submit([], 1, Today, Now, "x", "A");
        other.Apply((ReportSubmitted)otherReport.DomainEvents[0]);
        Assert.Equal("comment", Assert.Throws<DomainRuleException>(() => other.CheckReturn(" ")).Field);
    }

    [Fact]
    public void Refuse_drafting_before_the_period_opens()
    {
        var (_, report) = Requested(opensInDays: 3);
        Assert.Equal("state", Assert.Throws<DomainRuleException>(() => report.Edit(Draft(0), Today, Now)).Field);
    }

    [Fact]
    public void Show_a_missing_report_overdue_only_after_the_deadline_day()
    {
        var deadline = new DateOnly(2026, 4, 15);
        Assert.Equal(ReportBoardStatus.NotSubmitted, ReportRules.BoardStatusOf(ReportState.Draft, false, deadline, deadline));
        Assert.Equal(ReportBoardStatus.Overdue, ReportRules.BoardStatusOf(ReportState.Approved, false, deadline, deadline.AddDays(1)));
        Assert.Equal(ReportBoardStatus.Late, ReportRules.BoardStatusOf(ReportState.Submitted, true, deadline, deadline));
    }

    [Theory]
    [InlineData(ReportKind.Quarterly, 1, "2026-01-01", "2026-03-31")]
    [InlineData(ReportKind.Quarterly, 4, "2026-10-01", "2026-12-31")]
    [InlineData(ReportKind.SixMonth, 1, "2026-01-01", "2026-06-30")]
    [InlineData(ReportKind.SixMonth, 2, "2026-07-01", "2026-12-31")]
    [InlineData(ReportKind.NineMonth, 1, "2026-01-01", "2026-09-30")]
    [InlineData(ReportKind.Annual, 1, "2026-01-01", "2026-12-31")]
    public void Derive_the_period_of_a_periodic_report(ReportKind kind, int number, string from, string to)
    {
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), ReportPeriods.Of(kind, 2026, number));
    }

    [Fact]
    public void Average_only_over_units_that_gave_a_figure()
    {
        var cells = ReportAggregation.Combine([[AggregateCell.Of("i2", 80)], [AggregateCell.Of("i2", null)], [AggregateCell.Of("i2", 60)]]);
        Assert.Equal(70m, cells.Single().ValueBy(AggregationRule.Average));
        Assert.Null(AggregateCell.Of("i2", null).ValueBy(AggregationRule.Average));
    }

    /// <summary>A submission is on time only when made on or before the deadline day, never after it.</summary>
    [Property]
    public bool Never_mark_a_submission_after_the_deadline_on_time(PositiveInt daysLate, NonNegativeInt daysEarly)
    {
        var (_, late) = Requested(deadlineInDays: 0);
        late.Edit(Draft(0, "x"), Today, Now);
        late.Approve(Today, Now, "x", "A");
        late.Submit([], 1, Today.AddDays(daysLate.Get), Now, "x", "A");
        var (_, early) = Requested(deadlineInDays: daysEarly.Get);
        early.Edit(Draft(0, "x"), Today, Now);
        early.Approve(Today, Now, "x", "A");
        early.Submit([], 1, Today, Now, "x", "A");
        return late.SubmittedLate && !early.SubmittedLate;
    }

    /// <summary>Adding subtree cells up (in any grouping) gives the sum, count and yes-count of all the units.</summary>
    [Property]
    public Property Aggregate_a_tree_the_same_as_all_its_units_at_once()
    {
        var figures = Gen.Choose(0, 1000).Select(v => (decimal?)v).ListOf().Where(l => l.Count > 0);
        return Prop.ForAll(figures.ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (values, groups) =>
        {
            var units = values.Select(v => new List<AggregateCell> { AggregateCell.Of("i1", v) }).ToList();
            // Some units report to an intermediate unit, which hands its subtree's cell up; the top adds those.
            var subtrees = units.Select((u, i) => (u, i)).GroupBy(x => x.i % groups)
                .Select(g => ReportAggregation.Combine(g.Select(x => x.u))).ToList();
            var top = ReportAggregation.Combine(subtrees).Single();
            var flat = values.Select(v => v!.Value).ToList();
            return top.ValueBy(AggregationRule.Sum) == flat.Sum()
                && top.Count == flat.Count
                && top.ValueBy(AggregationRule.CountYes) == flat.Count(v => v > 0)
                && top.ValueBy(AggregationRule.Average) == Math.Round(flat.Sum() / flat.Count, 2);
        });
    }
}
