namespace CommitteeCloud.Domain.Reviews;

/// <summary>
/// Nội dung bộ tiêu chí: what a template declares and what a cycle freezes when it opens. Every province issues its own
/// criteria, so all of this is data: groups of criteria with their maxima, bonus and deduction rules with their caps, and
/// the bands the final score maps to. Stored as one JSON document.
/// </summary>
public sealed class CriteriaSheet
{
    public const int MaxCriteria = 100;

    /// <summary>Tổng điểm tối đa của các tiêu chí (without bonus): the criteria maxima must add up to it.</summary>
    public decimal Total { get; set; }

    public List<CriterionGroup> Groups { get; set; } = [];

    /// <summary>Điểm thưởng: each rule up to its own maximum, all of them together up to <see cref="BonusCap"/>.</summary>
    public List<BonusRule> Bonuses { get; set; } = [];
    public decimal BonusCap { get; set; }

    /// <summary>Điểm trừ: each rule up to its own maximum, all of them together up to <see cref="DeductionCap"/>.</summary>
    public List<DeductionRule> Deductions { get; set; } = [];
    public decimal DeductionCap { get; set; }

    /// <summary>Xếp loại: a band is reached at its minimum score; the lowest band starts at 0.</summary>
    public List<ScoreBand> Bands { get; set; } = [];

    public IEnumerable<Criterion> Criteria => Groups.SelectMany(g => g.Criteria);

    /// <summary>The highest total a unit can reach: every criterion in full plus the whole bonus cap.</summary>
    public decimal Ceiling => Total + BonusCap;

    public Criterion? CriterionOf(string code) => Criteria.FirstOrDefault(c => c.Code == code);
    public BonusRule? BonusOf(string code) => Bonuses.FirstOrDefault(b => b.Code == code);
    public DeductionRule? DeductionOf(string code) => Deductions.FirstOrDefault(d => d.Code == code);

    /// <summary>Every scored line of the sheet, in order: criteria, then bonuses, then deductions.</summary>
    public IEnumerable<string> Codes => Criteria.Select(c => c.Code).Concat(Bonuses.Select(b => b.Code)).Concat(Deductions.Select(d => d.Code));

    /// <summary>The highest points a line may hold: a criterion's or a rule's maximum.</summary>
    public decimal? MaxOf(string code) => CriterionOf(code)?.MaxPoints ?? BonusOf(code)?.MaxPoints ?? DeductionOf(code)?.MaxPoints;
}

/// <summary>Nhóm tiêu chí (e.g. "I. Công tác lãnh đạo, chỉ đạo").</summary>
public sealed class CriterionGroup
{
    public string Name { get; set; } = "";
    public List<Criterion> Criteria { get; set; } = [];
}

/// <summary>Tiêu chí: what is scored, up to how much, how the unit proves it, and who scores it.</summary>
public sealed class Criterion
{
    /// <summary>Stable within the sheet ("1.1", "TC3"): scores and appraiser assignments name it.</summary>
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public decimal MaxPoints { get; set; }

    /// <summary>Hướng dẫn chấm điểm.</summary>
    public string? Guidance { get; set; }

    /// <summary>Tài liệu kiểm chứng yêu cầu.</summary>
    public string? RequiredEvidence { get; set; }

    /// <summary>False when only the appraiser (cấp trên) scores it: the "10 points awarded by the level above".</summary>
    public bool SelfScored { get; set; } = true;

    /// <summary>Optional: pre-filled from a figure the system knows (số liệu tự động).</summary>
    public LiveBinding? Live { get; set; }
}

public enum LiveBindingKind
{
    /// <summary>The figure is a percentage: that share of the maximum (e.g. tasks on time 80% of 10 points = 8).</summary>
    Percentage,
    /// <summary>Full points when the figure reaches the threshold, none otherwise (e.g. ≥ 1 dialogue with staff).</summary>
    AtLeast,
}

public sealed class LiveBinding
{
    /// <summary>An indicator code (<c>tasks.on_time_rate</c>, <c>dialogues.held_with_staff</c>, <c>leaders.assignment_in_force</c>).</summary>
    public string IndicatorCode { get; set; } = "";
    public LiveBindingKind Kind { get; set; }
    public decimal Threshold { get; set; } = 1;
}

/// <summary>Điểm thưởng (e.g. a model recognized at province level).</summary>
public sealed class BonusRule
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public decimal MaxPoints { get; set; }
}

/// <summary>Điểm trừ (e.g. per late task): counted from a figure when bound to one, else set by the appraiser.</summary>
public sealed class DeductionRule
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public decimal PointsEach { get; set; }
    public decimal MaxPoints { get; set; }
    public string? IndicatorCode { get; set; }
}

/// <summary>Mức xếp loại: a name and the score from which it is reached.</summary>
public sealed class ScoreBand
{
    public string Name { get; set; } = "";
    public decimal MinScore { get; set; }
}
