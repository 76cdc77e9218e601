using CommitteeCloud.Domain.Indices;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>One recorded year of one index.</summary>
public sealed record IndexValueDto(
    Guid Id, PublicIndexKind Kind, int Year, decimal Score, int Rank, int RankedUnits, string? Source, string? Note, Guid? EvidenceFileId, uint Version)
{
    public static IndexValueDto From(PublicIndexValue v) =>
        new(v.Id, v.Kind, v.Year, v.Score, v.Rank, v.RankedUnits, v.Source, v.Note, v.EvidenceFileId, v.Version);
}

/// <summary>One index with its scale and every year the unit recorded, oldest first (a chart's series).</summary>
public sealed record IndexSeries(PublicIndexKind Kind, string Code, string Acronym, string Name, decimal MaxScore, string ScoreUnit, IReadOnlyList<IndexValueDto> Values);

/// <summary>The figures of one year's value, as a record or an edit sends them.</summary>
public interface IIndexFigures
{
    /// <summary>Known when recording a new value; an edit keeps the stored one (the domain then checks the scale).</summary>
    PublicIndexKind? Kind { get; }
    decimal? Score { get; }
    int? Rank { get; }
    int? RankedUnits { get; }
    string? Source { get; }
    string? Note { get; }
}

/// <summary>Field rules in Vietnamese: the score within the index's scale, the rank within the provinces ranked.</summary>
public sealed class IndexFiguresValidator : AbstractValidator<IIndexFigures>
{
    public IndexFiguresValidator()
    {
        RuleFor(x => x.Score).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy nhập điểm.")
            .GreaterThanOrEqualTo(0).WithMessage("Điểm không được âm.")
            .Must((x, score) => x.Kind is not { } k || !Enum.IsDefined(k) || score <= PublicIndex.Of(k).MaxScore)
            .WithMessage(x => $"Điểm {PublicIndex.Of(x.Kind!.Value).Acronym} tối đa là {PublicIndex.Of(x.Kind!.Value).MaxScore:0.##}.");
        RuleFor(x => x.RankedUnits).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy nhập số tỉnh, thành được xếp hạng.")
            .InclusiveBetween(1, PublicIndexValue.MaxRankedUnits).WithMessage($"Số tỉnh, thành được xếp hạng phải từ 1 đến {PublicIndexValue.MaxRankedUnits}.");
        RuleFor(x => x.Rank).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy nhập thứ hạng.")
            .GreaterThanOrEqualTo(1).WithMessage("Thứ hạng phải từ 1 trở lên.")
            .Must((x, rank) => x.RankedUnits is not { } n || rank <= n)
            .WithMessage(x => $"Thứ hạng không được lớn hơn số tỉnh, thành được xếp hạng ({x.RankedUnits}).");
        RuleFor(x => x.Source).MaximumLength(PublicIndexValue.SourceMaxLength).WithMessage($"Nguồn tối đa {PublicIndexValue.SourceMaxLength} ký tự.");
        RuleFor(x => x.Note).MaximumLength(PublicIndexValue.NoteMaxLength).WithMessage($"Ghi chú tối đa {PublicIndexValue.NoteMaxLength} ký tự.");
    }
}

public static class IndexInputs
{
    public static PublicIndexFigures ToFigures(this IIndexFigures f, Guid? evidenceFileId) =>
        new(f.Score!.Value, f.Rank!.Value, f.RankedUnits!.Value, f.Source, f.Note, evidenceFileId);

    /// <summary>An evidence file must be one of this unit's own uploads (another unit's id is as unknown as a made-up one).</summary>
    public static async Task EnsureEvidenceAsync(this AppDbContext db, Guid? fileId, CancellationToken ct)
    {
        if (fileId is { } id && !await db.StoredFiles.AnyAsync(f => f.Id == id, ct))
            throw new Domain.Common.DomainRuleException("evidenceFileId", "Không tìm thấy tệp minh chứng.");
    }

    public static async Task<PublicIndexValue> FindIndexValueAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.PublicIndexValues.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("indexValue");
}
