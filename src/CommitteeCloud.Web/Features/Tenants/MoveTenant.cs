using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>
/// Moves a unit, with everything below it, under another unit of the same subtree (mergers and the 2025 move to
/// two-level local government). The descendants' paths are rewritten in one statement; a move under itself or its
/// own descendant is refused.
/// </summary>
[RequirePermission(Permissions.TenantsManage)]
public sealed record MoveTenantCommand(string Code, string NewParentCode) : ICommand<TenantDto>;

public sealed record MoveTenantBody(string NewParentCode);

public sealed class MoveTenantValidator : AbstractValidator<MoveTenantCommand>
{
    public MoveTenantValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Tenant.CodeMaxLength);
        RuleFor(x => x.NewParentCode).NotEmpty().MaximumLength(Tenant.CodeMaxLength);
    }
}

public sealed class MoveTenantHandler(AppDbContext db, ITenantContext context, TenantStore store) : ICommandHandler<MoveTenantCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(MoveTenantCommand command, CancellationToken ct)
    {
        var tenant = await db.FindDescendantAsync(context, command.Code, "code", ct);
        var newParent = await db.FindSelfOrDescendantAsync(context, command.NewParentCode, "newParentCode", ct);
        var depthChange = newParent.Depth + 1 - tenant.Depth;
        var oldPath = tenant.MoveUnder(newParent);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE tenants SET path = {tenant.Path}::ltree || subpath(path, nlevel({oldPath}::ltree)), depth = depth + {depthChange}
            WHERE path <@ {oldPath}::ltree AND id <> {tenant.Id};
            UPDATE unit_summaries SET path = {tenant.Path}::ltree || subpath(path, nlevel({oldPath}::ltree)), depth = depth + {depthChange}
            WHERE path <@ {oldPath}::ltree AND tenant_id <> {tenant.Id};
            """, ct);
        // Cached tenant infos carry paths: forget the moved subtree (one indexed query on its new path).
        var moved = await db.Tenants.FromSqlInterpolated($"SELECT *, xmin FROM tenants WHERE path <@ {tenant.Path}::ltree")
            .AsNoTracking().Select(t => new { t.Id, t.Code }).ToListAsync(ct);
        foreach (var unit in moved) store.Invalidate(unit.Id, unit.Code);
        return TenantDto.From(tenant);
    }
}

public sealed class MoveTenantEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tenants/{code}/move", (string code, MoveTenantBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new MoveTenantCommand(code, body.NewParentCode), ct))
        .WithTags("Tenants").WithSummary("Move a unit (and its subtree) under another unit of the current subtree")
        .Produces<TenantDto>().WithCommandProblems();
}
