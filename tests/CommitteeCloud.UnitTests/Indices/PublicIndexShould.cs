using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Domain.Training;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Indices;

public sealed class PublicIndexShould
{
    [Theory]
    [InlineData(PublicIndexKind.ParIndex, 100)]
    [InlineData(PublicIndexKind.Papi, 80)]
    [InlineData(PublicIndexKind.Sipas, 100)]
    [InlineData(PublicIndexKind.Pci, 100)]
    public void Accept_a_score_up_to_the_index_s_scale_and_refuse_above_it(PublicIndexKind kind, int max)
    {
        var top = new PublicIndexValue(kind, 2024, new PublicIndexFigures(max, 1, 63));
        Assert.Equal(max, top.Score);
        var refused = Assert.Throws<DomainRuleException>(() => new PublicIndexValue(kind, 2024, new PublicIndexFigures(max + 0.01m, 1, 63)));
        Assert.Equal("score", refused.Field);
        Assert.Contains("tối đa", refused.Message);
    }

    [Property]
    public Property A_score_is_accepted_exactly_when_it_lies_on_the_scale() =>
        Prop.ForAll(Gen.Elements(Enum.GetValues<PublicIndexKind>()).ToArbitrary(), Gen.Choose(-500, 12_000).ToArbitrary(), (kind, hundredths) =>
        {
            var score = hundredths / 100m;
            var onScale = score >= 0 && score <= PublicIndex.Of(kind).MaxScore;
            var accepted = Accepts(() => new PublicIndexValue(kind, 2024, new PublicIndexFigures(score, 1, 63)));
            return accepted == onScale;
        });

    [Property]
    public Property A_rank_is_accepted_exactly_when_it_lies_between_1_and_the_provinces_ranked() =>
        Prop.ForAll(Gen.Choose(-5, 110).ToArbitrary(), Gen.Choose(-2, 110).ToArbitrary(), (rank, of) =>
        {
            var valid = of is >= 1 and <= PublicIndexValue.MaxRankedUnits && rank >= 1 && rank <= of;
            return Accepts(() => new PublicIndexValue(PublicIndexKind.Papi, 2025, new PublicIndexFigures(40, rank, of))) == valid;
        });

    [Theory]
    [InlineData(2009)]
    [InlineData(2101)]
    public void Refuse_a_year_out_of_range(int year) =>
        Assert.Equal("year", Assert.Throws<DomainRuleException>(() => new PublicIndexValue(PublicIndexKind.Pci, year, new PublicIndexFigures(60, 10, 63))).Field);

    [Fact]
    public void Keep_its_index_and_year_when_edited_and_check_the_scale_again()
    {
        var value = new PublicIndexValue(PublicIndexKind.Papi, 2024, new PublicIndexFigures(42, 30, 63, " UNDP ", " "));
        Assert.Equal("UNDP", value.Source);
        Assert.Null(value.Note);
        value.Edit(new PublicIndexFigures(44, 12, 34));
        Assert.Equal((PublicIndexKind.Papi, 2024, 12, 34), (value.Kind, value.Year, value.Rank, value.RankedUnits));
        Assert.Throws<DomainRuleException>(() => value.Edit(new PublicIndexFigures(81, 12, 34)));
        Assert.Equal(44, value.Score);
    }

    [Property]
    public Property A_rank_target_is_met_when_the_rank_is_at_or_above_it_lower_being_better() =>
        Prop.ForAll(Gen.Choose(1, 63).ToArbitrary(), Gen.Choose(1, 63).ToArbitrary(), (target, rank) =>
        {
            var status = PlanRules.StatusOf(TargetKind.Rank, target, rank);
            var reached = PublicIndexRules.RankReaches(rank, target);
            return reached == status is TargetStatus.Met or TargetStatus.Exceeded
                && (rank < target) == (status == TargetStatus.Exceeded);
        });

    [Fact]
    public void Give_every_index_two_stable_figure_codes()
    {
        Assert.Equal(["par_index", "papi", "sipas", "pci"], PublicIndex.All.Select(i => i.Code));
        Assert.Equal(4, PublicIndex.All.Select(i => i.Kind).Distinct().Count());
    }

    [Fact]
    public void Refuse_a_course_ending_before_it_starts_or_with_negative_attendees()
    {
        var day = new DateOnly(2026, 4, 14);
        Assert.Equal("endsOn", Assert.Throws<DomainRuleException>(() =>
            new TrainingCourse(new TrainingCourseFields("Tập huấn", TrainingKind.Training, day, day.AddDays(-1), null, null, 10, null))).Field);
        Assert.Equal("attendees", Assert.Throws<DomainRuleException>(() =>
            new TrainingCourse(new TrainingCourseFields("Tập huấn", TrainingKind.Training, day, day, null, null, -1, null))).Field);
        Assert.Equal("title", Assert.Throws<DomainRuleException>(() =>
            new TrainingCourse(new TrainingCourseFields(" ", TrainingKind.Training, day, day, null, null, 1, null))).Field);
        var course = new TrainingCourse(new TrainingCourseFields(" Bồi dưỡng ", TrainingKind.Refresher, day, day.AddDays(2), " ", "Ban Dân vận", 90, null));
        Assert.Equal(("Bồi dưỡng", (string?)null, 90), (course.Title, course.Place, course.Attendees));
    }

    private static bool Accepts(Action create)
    {
        try { create(); return true; }
        catch (DomainRuleException) { return false; }
    }
}
