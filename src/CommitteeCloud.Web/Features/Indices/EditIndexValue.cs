using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>Sửa kết quả chỉ số: send the version read; a stale one is a 409. The index and the year stay.</summary>
[RequirePermission(Permissions.IndicesManage)]
public sealed record EditIndexValueCommand(
    Guid Id, decimal? Score, int? Rank, int? RankedUnits, string? Source, string? Note, Guid? EvidenceFileId, uint? Version)
    : ICommand<IndexValueDto>, IIndexFigures
{
    PublicIndexKind? IIndexFigures.Kind => null;
}

public sealed record EditIndexValueBody(decimal? Score, int? Rank, int? RankedUnits, string? Source, string? Note, Guid? EvidenceFileId, uint? Version);

public sealed class EditIndexValueValidator : AbstractValidator<EditIndexValueCommand>
{
    public EditIndexValueValidator() => Include(new IndexFiguresValidator());
}

public sealed class EditIndexValueHandler(AppDbContext db) : ICommandHandler<EditIndexValueCommand, IndexValueDto>
{
    public async ValueTask<IndexValueDto> Handle(EditIndexValueCommand command, CancellationToken ct)
    {
        var value = await db.FindIndexValueAsync(command.Id, ct);
        db.ExpectVersion(value, command.Version);
        await db.EnsureEvidenceAsync(command.EvidenceFileId, ct);
        value.Edit(command.ToFigures(command.EvidenceFileId));
        await db.SaveChangesAsync(ct);
        return IndexValueDto.From(value);
    }
}

public sealed class EditIndexValueEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/indices/{id:guid}", (Guid id, EditIndexValueBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new EditIndexValueCommand(id, body.Score, body.Rank, body.RankedUnits, body.Source, body.Note, body.EvidenceFileId, body.Version), ct))
        .WithTags("Indices").WithSummary("Correct a recorded index value (409 on a stale version)")
        .Produces<IndexValueDto>().WithCommandProblems();
}
