using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// The parent's decision on one child's registration: phê duyệt (approve), trả lại (return with comments) or mở lại
/// (reopen with a new deadline, also after an approval). Applied to the slot here and, acting in the child's tenant
/// in the same transaction, to the child's own row, with a notification there.
/// </summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record DecideOnCommitmentCommand(Guid RoundId, Guid SlotId, string Decision, string? Comment = null, DateOnly? Deadline = null,
    uint? Version = null) : ICommand<RoundBoard>;

public sealed class DecideOnCommitmentValidator : AbstractValidator<DecideOnCommitmentCommand>
{
    public DecideOnCommitmentValidator()
    {
        RuleFor(x => x.Decision).Must(d => CommitmentDecisions.Kinds.ContainsKey(d)).WithMessage("Quyết định không hợp lệ.");
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Decision == CommitmentDecisions.Return).WithMessage("Hãy nêu nội dung yêu cầu chỉnh sửa.");
        RuleFor(x => x.Comment).MaximumLength(Commitment.TextMaxLength);
        RuleFor(x => x.Deadline).NotNull().When(x => x.Decision == CommitmentDecisions.Reopen).WithMessage("Hãy chọn hạn đăng ký mới.");
    }
}

public static class CommitmentDecisions
{
    public const string Approve = "approve";
    public const string Return = "return";
    public const string Reopen = "reopen";

    public static readonly Dictionary<string, (CommitmentEntryKind Kind, string Notification, string Verb)> Kinds = new()
    {
        [Approve] = (CommitmentEntryKind.Approved, CommitmentEvents.Approved, "phê duyệt"),
        [Return] = (CommitmentEntryKind.Returned, CommitmentEvents.Returned, "trả lại, đề nghị chỉnh sửa"),
        [Reopen] = (CommitmentEntryKind.Reopened, CommitmentEvents.Reopened, "mở lại đăng ký"),
    };
}

public sealed class DecideOnCommitmentHandler(AppDbContext db, ITenantContext context, TenantStore tenants, TaskAudience audience, TimeProvider clock,
    AfterCommit afterCommit, LivePush push, IMediator mediator) : ICommandHandler<DecideOnCommitmentCommand, RoundBoard>
{
    public async ValueTask<RoundBoard> Handle(DecideOnCommitmentCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var slot = await db.CommitmentSlots.FirstOrDefaultAsync(s => s.Id == command.SlotId && s.RoundId == command.RoundId, ct)
            ?? throw new NotFoundException("slot");
        db.ExpectVersion(slot, command.Version);
        var (kind, notification, verb) = CommitmentDecisions.Kinds[command.Decision];
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var actor = await db.ActorNameAsync(context, ct);
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        // Checked on the slot first, so that nothing is written below for a decision the rules refuse.
        slot.CheckDecision(kind, comment, command.Deadline, today);

        var child = await tenants.ChildOfCurrentAsync(context, slot.ChildTenantId, ct);
        var childSequence = 0;
        if (child is not null)
        {
            await using (await db.ActInTenantAsync(child, ct))
            {
                var commitment = await db.Commitments.FirstOrDefaultAsync(c => c.Id == slot.ChildCommitmentId, ct);
                if (commitment is not null)
                {
                    commitment.Decide(kind, comment, command.Deadline, now, actor, current.Name);
                    childSequence = commitment.Sequence;
                    await audience.NotifyAsync(Permissions.PlansReport, null, notification,
                        $"{current.Name} đã {verb} bản đăng ký thi đua năm {commitment.Year}", comment,
                        $"/t/{child.Code}/commitments?id={commitment.Id}", $"{notification}:{commitment.Id:N}:{now.ToUnixTimeMilliseconds()}", ct);
                }
            }
        }
        slot.Decide(kind, comment, command.Deadline, today, now, actor, current.Name, childSequence);
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, CommitmentEvents.BoardChanged, slot.RoundId)));
        return await mediator.Send(new GetRoundQuery(slot.RoundId), ct);
    }
}

public sealed class DecideOnCommitmentEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/commitment-rounds/{id:guid}/slots/{slotId:guid}/decision", (Guid id, Guid slotId, CommitmentDecisionBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new DecideOnCommitmentCommand(id, slotId, body.Decision ?? "", body.Comment, body.Deadline, body.Version), ct))
        .WithTags("Commitments").WithSummary("Approve, return (with comments) or reopen one child's registration")
        .Produces<RoundBoard>().WithCommandProblems();
}

public sealed record CommitmentDecisionBody(string? Decision, string? Comment, DateOnly? Deadline, uint? Version);
