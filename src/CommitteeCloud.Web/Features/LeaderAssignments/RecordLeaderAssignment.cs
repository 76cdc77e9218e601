using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Supervision;

namespace CommitteeCloud.Web.Features.LeaderAssignments;

/// <summary>
/// Records the written decision assigning the leader in charge of mass-mobilization work. The leader must be a
/// member of the unit; a new decision for the same scope supersedes the one in force (kept in history); one that
/// would start on or before it is refused as overlapping.
/// </summary>
[RequirePermission(Permissions.LeadersManage)]
public sealed record RecordLeaderAssignmentCommand(
    string DecisionNumber, DateOnly DecisionDate, string Signer, string SignerCapacity,
    Guid LeaderMembershipId, string Position, string Scope, string[]? ScopeUnitCodes,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? AttachmentName) : ICommand<LeaderAssignmentDto>;

public sealed class RecordLeaderAssignmentValidator : AbstractValidator<RecordLeaderAssignmentCommand>
{
    public RecordLeaderAssignmentValidator()
    {
        RuleFor(x => x.DecisionNumber).NotEmpty().MaximumLength(LeaderAssignment.DecisionNumberMaxLength);
        RuleFor(x => x.DecisionDate).NotEmpty();
        RuleFor(x => x.Signer).NotEmpty().MaximumLength(LeaderAssignment.TextMaxLength);
        RuleFor(x => x.SignerCapacity).NotEmpty().MaximumLength(LeaderAssignment.TextMaxLength);
        RuleFor(x => x.LeaderMembershipId).NotEmpty();
        RuleFor(x => x.Position).NotEmpty().MaximumLength(LeaderAssignment.TextMaxLength);
        RuleFor(x => x.Scope).NotEmpty().MaximumLength(LeaderAssignment.ScopeMaxLength);
        RuleForEach(x => x.ScopeUnitCodes).NotEmpty().MaximumLength(Domain.Tenants.Tenant.CodeMaxLength);
        RuleFor(x => x.EffectiveFrom).NotEmpty();
        RuleFor(x => x.EffectiveTo).GreaterThanOrEqualTo(x => x.EffectiveFrom).When(x => x.EffectiveTo is not null)
            .WithMessage("Ngày hết hiệu lực phải sau ngày có hiệu lực.");
        RuleFor(x => x.DecisionDate).LessThanOrEqualTo(x => x.EffectiveTo!.Value).When(x => x.EffectiveTo is not null)
            .WithMessage("Ngày quyết định phải trước ngày hết hiệu lực.");
        RuleFor(x => x.AttachmentName).MaximumLength(LeaderAssignment.TextMaxLength);
    }
}

public sealed class RecordLeaderAssignmentHandler(AppDbContext db, ITenantContext context)
    : ICommandHandler<RecordLeaderAssignmentCommand, LeaderAssignmentDto>
{
    public async ValueTask<LeaderAssignmentDto> Handle(RecordLeaderAssignmentCommand command, CancellationToken ct)
    {
        var leader = await db.Memberships.Where(m => m.Id == command.LeaderMembershipId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, m.UserId, u.FullName })
            .FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("leaderMembershipId", "Người được phân công phải là thành viên của đơn vị.");

        var scopeUnits = new List<Guid>();
        foreach (var code in command.ScopeUnitCodes ?? [])
            scopeUnits.Add((await db.FindSelfOrDescendantAsync(context, code, "scopeUnitCodes", ct)).Id);

        var assignment = new LeaderAssignment(command.DecisionNumber, command.DecisionDate, command.Signer, command.SignerCapacity,
            leader.Id, leader.UserId, leader.FullName, command.Position, command.Scope, scopeUnits,
            command.EffectiveFrom, command.EffectiveTo, command.AttachmentName);
        var inForce = await db.LeaderAssignments
            .Where(a => a.ScopeKey == assignment.ScopeKey && a.Status == LeaderAssignmentStatus.Current)
            .ToListAsync(ct);
        foreach (var previous in inForce) previous.SupersedeBy(assignment);
        db.LeaderAssignments.Add(assignment);
        return LeaderAssignmentDto.From(assignment, today: null);
    }
}

public sealed class RecordLeaderAssignmentEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/leader-assignments", async (RecordLeaderAssignmentCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var assignment = await mediator.Send(command, ct);
            return Results.Created($"/api/leader-assignments/{assignment.Id}", assignment);
        })
        .WithTags("Leader assignments").WithSummary("Record a written leader-in-charge assignment (supersedes the one in force for the scope)")
        .Produces<LeaderAssignmentDto>(StatusCodes.Status201Created).WithCommandProblems();
}
