using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// Kết quả thực hiện cam kết: at year end the unit enters what it reached for each target (by position; empty keeps
/// the live figure for targets that have one). Sent up to the parent like a registration.
/// </summary>
[RequirePermission(Permissions.PlansReport)]
public sealed record ReportCommitmentResultsCommand(Guid Id, decimal?[] Actuals, uint? Version = null) : ICommand<CommitmentDetail>;

public sealed class ReportCommitmentResultsValidator : AbstractValidator<ReportCommitmentResultsCommand>
{
    public ReportCommitmentResultsValidator() =>
        RuleForEach(x => x.Actuals).Must(a => a is null || a >= 0).WithMessage("Kết quả không được âm.");
}

public sealed class ReportCommitmentResultsHandler(AppDbContext db, ITenantContext context, TimeProvider clock, IMediator mediator)
    : ICommandHandler<ReportCommitmentResultsCommand, CommitmentDetail>
{
    public async ValueTask<CommitmentDetail> Handle(ReportCommitmentResultsCommand command, CancellationToken ct)
    {
        var commitment = await db.Commitments.FirstOrDefaultAsync(c => c.Id == command.Id, ct) ?? throw new NotFoundException("commitment");
        db.ExpectVersion(commitment, command.Version);
        commitment.RecordResults(command.Actuals, clock.GetUtcNow(), await db.ActorNameAsync(context, ct), context.Tenant!.Name);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetCommitmentQuery(commitment.Id), ct);
    }
}

public sealed class ReportCommitmentResultsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/commitments/{id:guid}/results", (Guid id, CommitmentResultsBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReportCommitmentResultsCommand(id, body.Actuals ?? [], body.Version), ct))
        .WithTags("Commitments").WithSummary("Enter the year-end actual of each committed target")
        .Produces<CommitmentDetail>().WithCommandProblems();
}

public sealed record CommitmentResultsBody(decimal?[]? Actuals, uint? Version);
