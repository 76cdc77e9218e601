using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// Sổ đối thoại: the unit's dialogues and conferences of a year, newest first, and whether its head has held the
/// yearly dialogue with staff (the page shows a warning when not).
/// </summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListDialoguesQuery(int? Year = null) : IQuery<DialogueList>;

public sealed class ListDialoguesValidator : AbstractValidator<ListDialoguesQuery>
{
    public ListDialoguesValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

public sealed class ListDialoguesHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListDialoguesQuery, DialogueList>
{
    public async ValueTask<DialogueList> Handle(ListDialoguesQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var year = query.Year ?? today.Year;
        var rows = await db.Dialogues.AsNoTracking().Where(d => d.Year == year)
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Time)
            .Select(d => new
            {
                d.Id, d.Kind, d.Status, d.Title, d.Date, d.Time, d.Place, d.ChairName,
                Questions = db.DialogueQuestions.Count(q => q.DialogueId == d.Id),
                Answered = db.DialogueQuestions.Count(q => q.DialogueId == d.Id && q.Answer != null),
            })
            .ToListAsync(ct);
        var lastStaff = await LastStaffDialogueAsync(db, ct);
        var conference = await db.Dialogues.AnyAsync(d => d.Year == today.Year && d.Kind == DialogueKind.StaffConference && d.Status != DialogueStatus.Cancelled, ct);
        return new DialogueList(year, lastStaff?.Year == today.Year, lastStaff, conference,
            [.. rows.Select(r => new DialogueSummaryDto(r.Id, r.Kind, DialogueNames.Of(r.Kind), r.Status, DialogueNames.Of(r.Status), r.Title, r.Date, r.Time,
                r.Place, r.ChairName, r.Questions, r.Answered))]);
    }

    /// <summary>The day of the unit's latest dialogue with staff that took place.</summary>
    public static Task<DateOnly?> LastStaffDialogueAsync(AppDbContext db, CancellationToken ct) =>
        db.Dialogues.Where(d => d.Kind == DialogueKind.WithStaff && (d.Status == DialogueStatus.Held || d.Status == DialogueStatus.MinutesIssued))
            .MaxAsync(d => (DateOnly?)d.Date, ct);
}

public sealed class ListDialoguesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/dialogues", (IMediator mediator, CancellationToken ct, int? year) => mediator.Send(new ListDialoguesQuery(year), ct))
        .WithTags("Dialogues").WithSummary("The unit's dialogues and staff conference of a year, and whether the yearly staff dialogue was held")
        .Produces<DialogueList>().WithTenantProblems();
}
