using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>Một cuộc đối thoại (or the conference): its record, its questions with their follow-up tasks as they stand today.</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record GetDialogueQuery(Guid Id) : IQuery<DialogueDetail>;

public sealed class GetDialogueHandler(AppDbContext db, ITenantContext context, PermissionService permissions, TimeProvider clock)
    : IQueryHandler<GetDialogueQuery, DialogueDetail>
{
    public async ValueTask<DialogueDetail> Handle(GetDialogueQuery query, CancellationToken ct)
    {
        var d = await db.Dialogues.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException("dialogue");
        var questions = await db.DialogueQuestions.AsNoTracking().Where(q => q.DialogueId == d.Id).OrderBy(q => q.Number).ToListAsync(ct);
        var followUps = await FollowUpsAsync(db, d.FollowUpTaskIds, clock.Today(), ct);
        var held = await permissions.GetAsync(context.Tenant!.Id, context.UserId!.Value, ct) ?? new HashSet<string>();
        var parentId = context.Tenant.Id;
        var children = await db.Tenants.AsNoTracking().Where(t => t.ParentId == parentId && t.Status == TenantStatus.Active)
            .OrderBy(t => t.Name).Select(t => new ChildUnitDto(t.Id, t.Code, t.Name)).ToListAsync(ct);
        return new DialogueDetail(d.Id, d.Kind, DialogueNames.Of(d.Kind), d.Status, DialogueNames.Of(d.Status), d.Title, d.Topic, d.Date, d.Time,
            d.Place, d.ChairMembershipId, d.ChairName, d.Participants, d.ParticipantCount, d.Conclusion, d.MinutesIssuedAt,
            [.. questions.Select(q => ToDto(q, q.FollowUpTaskId is { } t ? followUps.GetValueOrDefault(t) : null))],
            [.. d.FollowUpTaskIds.Where(followUps.ContainsKey).Select(id => followUps[id])],
            d.IsConference ? ConferenceOf(d) : null, children, held.Contains(Permissions.DialoguesManage), d.Version);
    }

    public static QuestionDto ToDto(DialogueQuestion q, FollowUpDto? followUp) => new(q.Id, q.Number, q.AskerKind, q.AskerDisplay, q.AskedBeforehand,
        q.Content, q.Answer, q.AnsweredOnSpot, q.ResponsibleUnitName, q.ResponsibleTenantId, followUp, q.Version);

    public static ConferenceDto ConferenceOf(Dialogue d)
    {
        var attendance = d.Attendance ?? 0;
        return new ConferenceDto(d.Headcount, d.Attendance, d.Headcount is { } h ? ConferenceRules.QuorumOf(h) : null, d.HasQuorum, d.AgendaItems,
            [.. d.Resolutions.Select(r => new ResolutionDto(r.Title, r.For, r.Against, r.Abstain, r.PassedWith(attendance)))],
            [.. d.Candidates.Select(c => new CandidateDto(c.Name, c.Votes, c.ElectedWith(attendance)))]);
    }

    /// <summary>The follow-up tasks (this unit's own rows) and the units they were handed to.</summary>
    public static async Task<Dictionary<Guid, FollowUpDto>> FollowUpsAsync(AppDbContext db, IReadOnlyList<Guid> ids, DateOnly today, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var handoffs = await db.TaskHandoffs.AsNoTracking().Where(h => ids.Contains(h.TaskId))
            .Select(h => new { h.TaskId, h.RecipientName }).ToListAsync(ct);
        return tasks.ToDictionary(t => t.Id, t => new FollowUpDto(t.Id, t.Title, t.State, TaskStateNames.Of(t.State), t.CurrentDeadline,
            t.TimelinessOn(today), [.. handoffs.Where(h => h.TaskId == t.Id).Select(h => h.RecipientName)]));
    }
}

public sealed class GetDialogueEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/dialogues/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDialogueQuery(id), ct))
        .WithTags("Dialogues").WithSummary("A dialogue or staff conference with its questions, follow-up tasks and conference results")
        .Produces<DialogueDetail>().WithTenantProblems();
}
