using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Indices;

/// <summary>The public indices the directives name for a province (chỉ số PAR INDEX, PAPI, SIPAS, PCI).</summary>
public enum PublicIndexKind
{
    /// <summary>PAR INDEX — Chỉ số cải cách hành chính (thang 100).</summary>
    ParIndex,
    /// <summary>PAPI — Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (thang 80).</summary>
    Papi,
    /// <summary>SIPAS — Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (thang 100%).</summary>
    Sipas,
    /// <summary>PCI — Chỉ số năng lực cạnh tranh cấp tỉnh (thang 100).</summary>
    Pci,
}

/// <summary>What each index is called, the scale its score is published on, and the stable code plans bind to.</summary>
public sealed record PublicIndex(PublicIndexKind Kind, string Code, string Acronym, string Name, decimal MaxScore, string ScoreUnit)
{
    public static readonly IReadOnlyList<PublicIndex> All =
    [
        new(PublicIndexKind.ParIndex, "par_index", "PAR INDEX", "Chỉ số cải cách hành chính", 100m, "điểm"),
        // PAPI sums eight dimensions of at most 10 points each.
        new(PublicIndexKind.Papi, "papi", "PAPI", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh", 80m, "điểm"),
        new(PublicIndexKind.Sipas, "sipas", "SIPAS", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước", 100m, "%"),
        new(PublicIndexKind.Pci, "pci", "PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh", 100m, "điểm"),
    ];

    public static PublicIndex Of(PublicIndexKind kind) => All.First(i => i.Kind == kind);
}

/// <summary>
/// Kết quả một chỉ số công bố cho một năm: the score on the index's scale and the province's rank among all provinces
/// ranked that year (63 until 2024, 34 after the 2025 merger: both are stored, the rank never alone). One per
/// unit, index and year.
/// </summary>
public sealed class PublicIndexValue : Entity, ITenantOwned, IVersioned
{
    public const int MinYear = 2010;
    public const int MaxYear = 2100;
    public const int MaxRankedUnits = 100;
    public const int SourceMaxLength = 512;
    public const int NoteMaxLength = 2000;

    private PublicIndexValue() { }

    public PublicIndexValue(PublicIndexKind kind, int year, PublicIndexFigures figures)
    {
        PublicIndexRules.CheckYear(year);
        Kind = kind;
        Year = year;
        Apply(figures);
        Raise(new PublicIndexChanged(Id));
    }

    public Guid TenantId { get; private set; }
    public PublicIndexKind Kind { get; private set; }
    public int Year { get; private set; }
    public decimal Score { get; private set; }
    public int Rank { get; private set; }

    /// <summary>How many provinces were ranked ("trên 63", "trên 34").</summary>
    public int RankedUnits { get; private set; }

    /// <summary>Nguồn: who published it ("Bộ Nội vụ, Quyết định số ...").</summary>
    public string? Source { get; private set; }
    public string? Note { get; private set; }
    public Guid? EvidenceFileId { get; private set; }
    public uint Version { get; private set; }

    public void Edit(PublicIndexFigures figures)
    {
        Apply(figures);
        Raise(new PublicIndexChanged(Id));
    }

    /// <summary>Called before the row is removed (a value recorded by mistake), so open pages hear of it.</summary>
    public void Discard() => Raise(new PublicIndexChanged(Id));

    private void Apply(PublicIndexFigures f)
    {
        PublicIndexRules.Check(Kind, f);
        Score = f.Score;
        Rank = f.Rank;
        RankedUnits = f.RankedUnits;
        Source = string.IsNullOrWhiteSpace(f.Source) ? null : f.Source.Trim();
        Note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim();
        EvidenceFileId = f.EvidenceFileId;
    }
}

/// <summary>What an officer types for one index and year.</summary>
public sealed record PublicIndexFigures(decimal Score, int Rank, int RankedUnits, string? Source = null, string? Note = null, Guid? EvidenceFileId = null);

public static class PublicIndexRules
{
    public static void CheckYear(int year)
    {
        if (year is < PublicIndexValue.MinYear or > PublicIndexValue.MaxYear)
            throw new DomainRuleException("year", $"Năm phải từ {PublicIndexValue.MinYear} đến {PublicIndexValue.MaxYear}.");
    }

    /// <summary>The score lies on the index's scale, the rank among the units ranked.</summary>
    public static void Check(PublicIndexKind kind, PublicIndexFigures f)
    {
        var index = PublicIndex.Of(kind);
        if (f.Score < 0) throw new DomainRuleException("score", "Điểm không được âm.");
        if (f.Score > index.MaxScore)
            throw new DomainRuleException("score", $"Điểm {index.Acronym} tối đa là {index.MaxScore:0.##}.");
        if (f.RankedUnits is < 1 or > PublicIndexValue.MaxRankedUnits)
            throw new DomainRuleException("rankedUnits", $"Số tỉnh, thành được xếp hạng phải từ 1 đến {PublicIndexValue.MaxRankedUnits}.");
        if (f.Rank < 1) throw new DomainRuleException("rank", "Thứ hạng phải từ 1 trở lên.");
        if (f.Rank > f.RankedUnits) throw new DomainRuleException("rank", $"Thứ hạng không được lớn hơn số tỉnh, thành được xếp hạng ({f.RankedUnits}).");
        if (f.Source?.Length > PublicIndexValue.SourceMaxLength) throw new DomainRuleException("source", "Nguồn quá dài.");
        if (f.Note?.Length > PublicIndexValue.NoteMaxLength) throw new DomainRuleException("note", "Ghi chú quá dài.");
    }

    /// <summary>
    /// A rank compared across years with a different number of provinces ranked (63, then 34) is read as a position:
    /// 10/63 and 10/34 are the same rank, which is how the directives set targets ("vào nhóm 10 tỉnh dẫn đầu").
    /// Lower is better: true when <paramref name="rank"/> reaches <paramref name="target"/>.
    /// </summary>
    public static bool RankReaches(int rank, int target) => rank <= target;
}

/// <summary>A value of an index was recorded, corrected or removed in its unit: the indices page reloads.</summary>
public sealed record PublicIndexChanged(Guid ValueId) : IDomainEvent;
