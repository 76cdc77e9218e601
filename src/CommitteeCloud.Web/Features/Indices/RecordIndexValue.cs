using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>Ghi nhận kết quả chỉ số: the unit's published score and rank of one index for one year (a second for the same year is a 409).</summary>
[RequirePermission(Permissions.IndicesManage)]
public sealed record RecordIndexValueCommand(
    PublicIndexKind? Kind, int? Year, decimal? Score, int? Rank, int? RankedUnits, string? Source = null, string? Note = null, Guid? EvidenceFileId = null)
    : ICommand<IndexValueDto>, IIndexFigures;

public sealed class RecordIndexValueValidator : AbstractValidator<RecordIndexValueCommand>
{
    public RecordIndexValueValidator()
    {
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy chọn chỉ số.").IsInEnum().WithMessage("Chỉ số không hợp lệ.");
        RuleFor(x => x.Year).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy nhập năm.")
            .InclusiveBetween(PublicIndexValue.MinYear, PublicIndexValue.MaxYear)
            .WithMessage($"Năm phải từ {PublicIndexValue.MinYear} đến {PublicIndexValue.MaxYear}.");
        Include(new IndexFiguresValidator());
    }
}

public sealed class RecordIndexValueHandler(AppDbContext db) : ICommandHandler<RecordIndexValueCommand, IndexValueDto>
{
    public async ValueTask<IndexValueDto> Handle(RecordIndexValueCommand command, CancellationToken ct)
    {
        var (kind, year) = (command.Kind!.Value, command.Year!.Value);
        // The unique index refuses a second row too (two officers at once): both answer 409.
        if (await db.PublicIndexValues.AnyAsync(v => v.Kind == kind && v.Year == year, ct))
            throw new ConflictException($"Đã có kết quả {PublicIndex.Of(kind).Acronym} năm {year}: hãy sửa kết quả đó.");
        await db.EnsureEvidenceAsync(command.EvidenceFileId, ct);
        var value = new PublicIndexValue(kind, year, command.ToFigures(command.EvidenceFileId));
        db.PublicIndexValues.Add(value);
        await db.SaveChangesAsync(ct);
        return IndexValueDto.From(value);
    }
}

public sealed class RecordIndexValueEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/indices", async (RecordIndexValueCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var value = await mediator.Send(command, ct);
            return Results.Created($"/api/indices/{value.Id}", value);
        })
        .WithTags("Indices").WithSummary("Record one year's score and rank of PAR INDEX, PAPI, SIPAS or PCI (409 if that year is recorded)")
        .Produces<IndexValueDto>(StatusCodes.Status201Created).WithCommandProblems();
}
