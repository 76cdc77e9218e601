using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Reports;

/// <summary>Phần nội dung (tường thuật) of a report, with the guidance on what to write in it.</summary>
public sealed class TemplateSection
{
    public string Title { get; set; } = "";
    public string? Guidance { get; set; }
}

/// <summary>
/// Chỉ tiêu số liệu: a figure every unit reports, how it is added up across units and, when the system knows it from
/// live data, the stable code of that figure (e.g. "dialogues.held") so that it is pre-filled.
/// </summary>
public sealed class TemplateIndicator
{
    /// <summary>Stable within the template (and every report made from it): "i1", "i2"…</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public AggregationRule Rule { get; set; }
    public string? IndicatorCode { get; set; }
}

/// <summary>Mẫu báo cáo: the sections and indicators a parent asks its units for, reused from request to request.</summary>
public sealed class ReportTemplate : Entity, ITenantOwned, IVersioned
{
    public const int NameMaxLength = 500;
    public const int TextMaxLength = 4000;
    public const int MaxSections = 30;
    public const int MaxIndicators = 60;

    private ReportTemplate() { }

    public ReportTemplate(string name, string? description, IReadOnlyList<TemplateSection> sections, IReadOnlyList<TemplateIndicator> indicators,
        string actorName, DateTimeOffset now)
    {
        CreatedBy = actorName;
        CreatedAt = now;
        Change(name, description, sections, indicators, now);
    }

    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public List<TemplateSection> Sections { get; private set; } = [];
    public List<TemplateIndicator> Indicators { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Changes the template; requests already sent keep the copy they were sent with.</summary>
    public void Change(string name, string? description, IReadOnlyList<TemplateSection> sections, IReadOnlyList<TemplateIndicator> indicators,
        DateTimeOffset now)
    {
        ReportRules.CheckTemplate(name, sections, indicators);
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Sections = [.. sections.Select(s => new TemplateSection { Title = s.Title.Trim(), Guidance = string.IsNullOrWhiteSpace(s.Guidance) ? null : s.Guidance.Trim() })];
        // Keys already given stay (a corrected name must not orphan figures); new indicators get the next free one.
        var used = indicators.Where(i => !string.IsNullOrWhiteSpace(i.Key)).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var next = 1;
        Indicators = [.. indicators.Select(i =>
        {
            var key = i.Key;
            if (string.IsNullOrWhiteSpace(key))
            {
                while (used.Contains($"i{next}")) next++;
                key = $"i{next}";
                used.Add(key);
            }
            return new TemplateIndicator
            {
                Key = key, Name = i.Name.Trim(), Unit = i.Unit.Trim(), Rule = i.Rule,
                IndicatorCode = string.IsNullOrWhiteSpace(i.IndicatorCode) ? null : i.IndicatorCode.Trim(),
            };
        })];
        UpdatedAt = now;
    }
}

/// <summary>Loại báo cáo.</summary>
public enum ReportKind
{
    /// <summary>Báo cáo quý.</summary>
    Quarterly,
    /// <summary>Báo cáo 6 tháng.</summary>
    SixMonth,
    /// <summary>Báo cáo 9 tháng.</summary>
    NineMonth,
    /// <summary>Báo cáo năm.</summary>
    Annual,
    /// <summary>Báo cáo chuyên đề.</summary>
    Thematic,
    /// <summary>Báo cáo đột xuất.</summary>
    AdHoc,
}

/// <summary>The period a periodic report covers, derived from its kind, year and number; and how it is named.</summary>
public static class ReportPeriods
{
    public static bool IsPeriodic(ReportKind kind) => kind is ReportKind.Quarterly or ReportKind.SixMonth or ReportKind.NineMonth or ReportKind.Annual;

    /// <summary>How many periods of the kind a year has (quarters 1–4, halves 1–2, one otherwise).</summary>
    public static int PeriodsInYear(ReportKind kind) => kind switch
    {
        ReportKind.Quarterly => 4,
        ReportKind.SixMonth => 2,
        _ => 1,
    };

    public static (DateOnly From, DateOnly To) Of(ReportKind kind, int year, int number)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("year", "Năm không hợp lệ.");
        if (number < 1 || number > PeriodsInYear(kind)) throw new DomainRuleException("number", "Kỳ báo cáo không hợp lệ.");
        return kind switch
        {
            ReportKind.Quarterly => (new DateOnly(year, 3 * number - 2, 1), new DateOnly(year, 3 * number, 1).AddMonths(1).AddDays(-1)),
            ReportKind.SixMonth => (new DateOnly(year, 6 * number - 5, 1), new DateOnly(year, 6 * number, 1).AddMonths(1).AddDays(-1)),
            ReportKind.NineMonth => (new DateOnly(year, 1, 1), new DateOnly(year, 9, 30)),
            ReportKind.Annual => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            _ => throw new DomainRuleException("kind", "Báo cáo chuyên đề, đột xuất: hãy chọn từ ngày, đến ngày."),
        };
    }

    public static string Name(ReportKind kind, int year, int? number, DateOnly from, DateOnly to) => kind switch
    {
        ReportKind.Quarterly => $"quý {Roman(number ?? 1)} năm {year}",
        ReportKind.SixMonth => number == 2 ? $"6 tháng cuối năm {year}" : $"6 tháng đầu năm {year}",
        ReportKind.NineMonth => $"9 tháng năm {year}",
        ReportKind.Annual => $"năm {year}",
        _ => $"từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy}",
    };

    public static string KindName(ReportKind kind) => kind switch
    {
        ReportKind.Quarterly => "Báo cáo quý",
        ReportKind.SixMonth => "Báo cáo 6 tháng",
        ReportKind.NineMonth => "Báo cáo 9 tháng",
        ReportKind.Annual => "Báo cáo năm",
        ReportKind.Thematic => "Báo cáo chuyên đề",
        _ => "Báo cáo đột xuất",
    };

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
