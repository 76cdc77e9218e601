using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>Xóa kết quả nhập nhầm: send the version read; a stale one is a 409. The audit trail keeps what it was.</summary>
[RequirePermission(Permissions.IndicesManage)]
public sealed record DeleteIndexValueCommand(Guid Id, uint? Version) : ICommand<bool>;

public sealed class DeleteIndexValueValidator : AbstractValidator<DeleteIndexValueCommand>
{
    public DeleteIndexValueValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class DeleteIndexValueHandler(AppDbContext db) : ICommandHandler<DeleteIndexValueCommand, bool>
{
    public async ValueTask<bool> Handle(DeleteIndexValueCommand command, CancellationToken ct)
    {
        var value = await db.FindIndexValueAsync(command.Id, ct);
        db.ExpectVersion(value, command.Version);
        value.Discard();
        db.PublicIndexValues.Remove(value);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public sealed class DeleteIndexValueEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/indices/{id:guid}", async (Guid id, uint? version, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteIndexValueCommand(id, version), ct);
            return Results.NoContent();
        })
        .WithTags("Indices").WithSummary("Delete a value recorded by mistake (?version= to guard against a concurrent edit)")
        .Produces(StatusCodes.Status204NoContent).WithCommandProblems();
}
