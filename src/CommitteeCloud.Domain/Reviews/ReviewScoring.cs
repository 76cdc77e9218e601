namespace CommitteeCloud.Domain.Reviews;

/// <summary>Điểm một dòng của phiếu: a criterion, a bonus or a deduction, as the unit scored it and the appraiser adjusted it.</summary>
public sealed class ScoreLine
{
    public string Code { get; set; } = "";

    /// <summary>Điểm tự chấm (for a deduction bound to a figure: the points counted from it).</summary>
    public decimal? SelfScore { get; set; }

    /// <summary>Giải trình: required when no evidence file is attached.</summary>
    public string? Explanation { get; set; }
    public List<Tasks.AttachedFile> Evidence { get; set; } = [];

    /// <summary>The live figure the line was pre-filled from, when bound to one.</summary>
    public decimal? LiveValue { get; set; }

    /// <summary>Điểm thẩm định: replaces the self-score, always with a written reason.</summary>
    public decimal? AppraisedScore { get; set; }
    public string? AppraisalReason { get; set; }
    public string? AppraisedBy { get; set; }
    public DateTimeOffset? AppraisedAt { get; set; }

    public decimal? Final => AppraisedScore ?? SelfScore;

    public ScoreLine Clone() => new()
    {
        Code = Code, SelfScore = SelfScore, Explanation = Explanation, Evidence = [.. Evidence], LiveValue = LiveValue,
        AppraisedScore = AppraisedScore, AppraisalReason = AppraisalReason, AppraisedBy = AppraisedBy, AppraisedAt = AppraisedAt,
    };
}

/// <summary>A unit's result: the criteria part, bonus and deduction after their caps, and the clamped total.</summary>
public sealed record ReviewTotal(decimal Criteria, decimal Bonus, decimal Deduction, decimal Total);

/// <summary>One row of the ranking table (bảng xếp hạng).</summary>
public sealed class RankingRow
{
    public Guid UnitReviewId { get; set; }
    public Guid ChildTenantId { get; set; }
    public string ChildName { get; set; } = "";
    public bool Submitted { get; set; }
    public decimal Total { get; set; }
    public string Band { get; set; } = "";
    public int? Rank { get; set; }
    public string? NotEligibleReason { get; set; }
}

/// <summary>
/// Chấm điểm và xếp loại: the rules that turn a sheet's lines into a total, a band and a rank. Pure, so that the
/// finalization of a thousand units and the property tests run the very same code.
/// </summary>
public static class ReviewScoring
{
    /// <summary>The band of a unit set aside by the appraiser.</summary>
    public const string NotEligible = "Không xếp loại";

    /// <summary>Points a live figure is worth for a criterion bound to it.</summary>
    public static decimal LivePoints(Criterion criterion, decimal value)
    {
        if (criterion.Live is null) return 0;
        return criterion.Live.Kind switch
        {
            LiveBindingKind.Percentage => Math.Round(Math.Clamp(value, 0, 100) * criterion.MaxPoints / 100m, 2, MidpointRounding.AwayFromZero),
            _ => value >= criterion.Live.Threshold ? criterion.MaxPoints : 0,
        };
    }

    /// <summary>Points a counted figure costs under a deduction rule, up to the rule's maximum.</summary>
    public static decimal DeductionPoints(DeductionRule rule, decimal count) => Math.Min(Math.Max(count, 0) * rule.PointsEach, rule.MaxPoints);

    public static ReviewTotal Compute(CriteriaSheet sheet, IEnumerable<ScoreLine> lines)
    {
        var byCode = new Dictionary<string, ScoreLine>(StringComparer.Ordinal);
        foreach (var line in lines) byCode[line.Code] = line;
        decimal Points(string code, decimal max) => byCode.TryGetValue(code, out var l) && l.Final is { } p ? Math.Clamp(p, 0, Math.Max(max, 0)) : 0;
        var criteria = sheet.Criteria.Sum(c => Points(c.Code, c.MaxPoints));
        var bonus = Math.Min(sheet.Bonuses.Sum(b => Points(b.Code, b.MaxPoints)), Math.Max(sheet.BonusCap, 0));
        var deduction = Math.Min(sheet.Deductions.Sum(d => Points(d.Code, d.MaxPoints)), Math.Max(sheet.DeductionCap, 0));
        var total = Math.Clamp(criteria + bonus - deduction, 0, Math.Max(sheet.Ceiling, 0));
        return new ReviewTotal(criteria, bonus, deduction, total);
    }

    /// <summary>The highest band whose minimum the total reaches (the sheet's lowest band starts at 0).</summary>
    public static string BandOf(IEnumerable<ScoreBand> bands, decimal total) =>
        bands.OrderByDescending(b => b.MinScore).FirstOrDefault(b => total >= b.MinScore)?.Name ?? NotEligible;

    /// <summary>Competition ranking (1, 2, 2, 4) by total, highest first; units set aside get no rank.</summary>
    public static IReadOnlyList<int?> Rank(IReadOnlyList<(decimal Total, bool Eligible)> units)
    {
        var ranks = new int?[units.Count];
        var eligible = units.Select((u, i) => (u.Total, u.Eligible, Index: i)).Where(u => u.Eligible).OrderByDescending(u => u.Total).ToList();
        for (var i = 0; i < eligible.Count; i++)
            ranks[eligible[i].Index] = i > 0 && eligible[i].Total == eligible[i - 1].Total ? ranks[eligible[i - 1].Index] : i + 1;
        return ranks;
    }

    /// <summary>
    /// What is wrong with a sheet, as (field, Vietnamese message): maxima that do not add up to the declared total,
    /// duplicate codes, bands without a floor at 0, negative points.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(CriteriaSheet sheet)
    {
        var problems = new List<(string, string)>();
        var criteria = sheet.Criteria.ToList();
        if (criteria.Count == 0) problems.Add(("groups", "Bộ tiêu chí phải có ít nhất một tiêu chí."));
        if (criteria.Count > CriteriaSheet.MaxCriteria) problems.Add(("groups", $"Tối đa {CriteriaSheet.MaxCriteria} tiêu chí."));
        if (sheet.Total <= 0) problems.Add(("total", "Tổng điểm phải lớn hơn 0."));
        var sum = criteria.Sum(c => c.MaxPoints);
        if (criteria.Count > 0 && sum != sheet.Total)
            problems.Add(("total", $"Tổng điểm tối đa của các tiêu chí ({sum:0.##}) không bằng tổng điểm của bộ tiêu chí ({sheet.Total:0.##})."));
        for (var g = 0; g < sheet.Groups.Count; g++)
        {
            var group = sheet.Groups[g];
            if (string.IsNullOrWhiteSpace(group.Name)) problems.Add(($"groups[{g}].name", "Hãy nhập tên nhóm tiêu chí."));
            for (var c = 0; c < group.Criteria.Count; c++)
            {
                var criterion = group.Criteria[c];
                var field = $"groups[{g}].criteria[{c}]";
                if (string.IsNullOrWhiteSpace(criterion.Code)) problems.Add(($"{field}.code", "Hãy nhập mã tiêu chí."));
                if (string.IsNullOrWhiteSpace(criterion.Title)) problems.Add(($"{field}.title", "Hãy nhập nội dung tiêu chí."));
                if (criterion.MaxPoints <= 0) problems.Add(($"{field}.maxPoints", "Điểm tối đa phải lớn hơn 0."));
                if (criterion.Live is { } live && string.IsNullOrWhiteSpace(live.IndicatorCode))
                    problems.Add(($"{field}.live.indicatorCode", "Hãy chọn số liệu tự động."));
            }
        }
        for (var i = 0; i < sheet.Bonuses.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(sheet.Bonuses[i].Code)) problems.Add(($"bonuses[{i}].code", "Hãy nhập mã điểm thưởng."));
            if (sheet.Bonuses[i].MaxPoints <= 0) problems.Add(($"bonuses[{i}].maxPoints", "Điểm thưởng tối đa phải lớn hơn 0."));
        }
        for (var i = 0; i < sheet.Deductions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(sheet.Deductions[i].Code)) problems.Add(($"deductions[{i}].code", "Hãy nhập mã điểm trừ."));
            if (sheet.Deductions[i].MaxPoints <= 0 || sheet.Deductions[i].PointsEach < 0)
                problems.Add(($"deductions[{i}].maxPoints", "Điểm trừ tối đa phải lớn hơn 0."));
        }
        if (sheet.BonusCap < 0) problems.Add(("bonusCap", "Mức trần điểm thưởng không được âm."));
        if (sheet.DeductionCap < 0) problems.Add(("deductionCap", "Mức trần điểm trừ không được âm."));
        if (sheet.Bonuses.Count > 0 && sheet.BonusCap == 0) problems.Add(("bonusCap", "Hãy nhập mức trần điểm thưởng."));
        if (sheet.Deductions.Count > 0 && sheet.DeductionCap == 0) problems.Add(("deductionCap", "Hãy nhập mức trần điểm trừ."));
        var duplicate = sheet.Codes.Where(c => !string.IsNullOrWhiteSpace(c)).GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) problems.Add(("groups", $"Mã \"{duplicate.Key}\" bị trùng: mỗi tiêu chí, điểm thưởng, điểm trừ cần một mã riêng."));
        if (sheet.Bands.Count == 0) problems.Add(("bands", "Hãy khai báo ít nhất một mức xếp loại."));
        else
        {
            if (sheet.Bands.Any(b => string.IsNullOrWhiteSpace(b.Name))) problems.Add(("bands", "Hãy nhập tên mức xếp loại."));
            if (sheet.Bands.Min(b => b.MinScore) != 0) problems.Add(("bands", "Mức xếp loại thấp nhất phải bắt đầu từ 0 điểm."));
            if (sheet.Bands.Select(b => b.MinScore).Distinct().Count() != sheet.Bands.Count) problems.Add(("bands", "Các mức xếp loại phải có ngưỡng điểm khác nhau."));
            if (sheet.Bands.Any(b => b.MinScore < 0 || b.MinScore > sheet.Ceiling)) problems.Add(("bands", "Ngưỡng điểm xếp loại phải từ 0 đến tổng điểm tối đa."));
            if (sheet.Bands.Any(b => b.Name.Trim() == NotEligible)) problems.Add(("bands", $"\"{NotEligible}\" do người thẩm định quyết định, không phải một mức điểm."));
        }
        return problems;
    }
}
