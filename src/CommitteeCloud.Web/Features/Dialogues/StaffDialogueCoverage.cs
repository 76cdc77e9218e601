using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Supervision;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// Units of the caller's subtree (itself included) whose head has not held the yearly dialogue with staff this year:
/// flagged to the unit and to every unit above it, from the supervision read model. Suspended units are not counted.
/// </summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record StaffDialogueCoverageQuery : IQuery<StaffDialogueCoverage>;

public sealed record StaffDialogueCoverage(int Year, int Units, int WithDialogue, IReadOnlyList<UnitWithoutDialogue> WithoutDialogue);

public sealed record UnitWithoutDialogue(string Code, string Name, string LevelLabel, DateOnly? LastStaffDialogueOn);

public sealed class StaffDialogueCoverageHandler(AppDbContext db, ITenantContext context, TimeProvider clock)
    : IQueryHandler<StaffDialogueCoverageQuery, StaffDialogueCoverage>
{
    public async ValueTask<StaffDialogueCoverage> Handle(StaffDialogueCoverageQuery query, CancellationToken ct)
    {
        var year = clock.Today().Year;
        var units = await db.UnitSummaries.InSubtreeOf(context.Tenant!).AsNoTracking()
            .Where(s => s.Status == Domain.Tenants.TenantStatus.Active)
            .OrderBy(s => s.Path).ToListAsync(ct);
        var without = units.Where(u => u.LastStaffDialogueOn?.Year != year)
            .Select(u => new UnitWithoutDialogue(u.Code, u.Name, u.LevelLabel, u.LastStaffDialogueOn)).ToList();
        return new StaffDialogueCoverage(year, units.Count, units.Count - without.Count, without);
    }
}

public sealed class StaffDialogueCoverageEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tree/staff-dialogue-coverage", (IMediator mediator, CancellationToken ct) => mediator.Send(new StaffDialogueCoverageQuery(), ct))
        .WithTags("Supervision").WithSummary("Units of the subtree whose head has not held a dialogue with staff this year")
        .Produces<StaffDialogueCoverage>().WithTenantProblems();
}
