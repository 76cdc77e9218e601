using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// Mở đợt đăng ký thi đua: the parent asks some of its direct children to register for a year by a deadline. Each
/// child gets a slot here and, acting in its tenant inside the same transaction (as a task hand-off does), its own
/// registration row and an inbox notification. All or nothing.
/// </summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record OpenRoundCommand(int Year, string Title, string? Guidance, DateOnly Deadline, Guid[] ChildTenantIds) : ICommand<RoundBoard>;

public sealed class OpenRoundValidator : AbstractValidator<OpenRoundCommand>
{
    public OpenRoundValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm không hợp lệ.");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên đợt đăng ký.").MaximumLength(CommitmentRound.TitleMaxLength);
        RuleFor(x => x.Guidance).MaximumLength(Commitment.TextMaxLength);
        RuleFor(x => x.ChildTenantIds).NotEmpty().WithMessage("Hãy chọn ít nhất một đơn vị.")
            .Must(ids => ids.Length <= 500).WithMessage("Tối đa 500 đơn vị mỗi đợt.");
    }
}

public sealed class OpenRoundHandler(AppDbContext db, ITenantContext context, TaskHandOffs children, TaskAudience audience, TimeProvider clock,
    AfterCommit afterCommit, LivePush push, IMediator mediator) : ICommandHandler<OpenRoundCommand, RoundBoard>
{
    public async ValueTask<RoundBoard> Handle(OpenRoundCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var now = clock.GetUtcNow();
        if (command.Deadline < clock.Today()) throw new DomainRuleException("deadline", "Hạn đăng ký phải từ hôm nay trở đi.");
        var recipients = new List<TenantInfo>();
        foreach (var id in command.ChildTenantIds.Distinct()) recipients.Add(await children.ChildAsync(id, "childTenantIds", ct));
        var ids = recipients.Select(r => r.Id).ToList();
        var already = await db.CommitmentSlots
            .Where(s => ids.Contains(s.ChildTenantId) && db.CommitmentRounds.Any(r => r.Id == s.RoundId && r.Year == command.Year))
            .Select(s => s.ChildName).ToListAsync(ct);
        if (already.Count > 0)
            throw new DomainRuleException("childTenantIds", $"Đã mở đăng ký năm {command.Year} cho: {string.Join(", ", already)}.");

        var actor = await db.ActorNameAsync(context, ct);
        var round = new CommitmentRound(command.Year, command.Title, command.Guidance, command.Deadline, actor, now);
        db.CommitmentRounds.Add(round);
        var slots = recipients.Select(r => (Recipient: r, Slot: new CommitmentSlot(round, r.Id, r.Code, r.Name))).ToList();
        foreach (var (_, slot) in slots) db.CommitmentSlots.Add(slot);
        await db.SaveChangesAsync(ct);

        foreach (var (recipient, slot) in slots)
        {
            await using (await db.ActInTenantAsync(recipient, ct))
            {
                var commitment = Commitment.Received(slot.ChildCommitmentId, current.Id, current.Name, round, slot, actor, now);
                db.Commitments.Add(commitment);
                await audience.NotifyAsync(Permissions.PlansReport, null, CommitmentEvents.Opened,
                    $"{current.Name} mở đăng ký thi đua năm {round.Year}", $"Hạn đăng ký: {round.Deadline:dd/MM/yyyy}",
                    $"/t/{recipient.Code}/commitments?id={commitment.Id}", $"{CommitmentEvents.Opened}:{commitment.Id:N}", ct, knownNew: true);
            }
        }
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, CommitmentEvents.BoardChanged, round.Id)));
        return await mediator.Send(new GetRoundQuery(round.Id), ct);
    }
}

public sealed class OpenRoundEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/commitment-rounds", (OpenRoundBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new OpenRoundCommand(body.Year ?? 0, body.Title ?? "", body.Guidance, body.Deadline ?? default, body.ChildTenantIds ?? []), ct))
        .WithTags("Commitments").WithSummary("Open a commitment registration round for direct child units")
        .Produces<RoundBoard>().WithCommandProblems();
}

public sealed record OpenRoundBody(int? Year, string? Title, string? Guidance, DateOnly? Deadline, Guid[]? ChildTenantIds);
