
namespace CommitteeCloud.Web.Features.Notifications;

/// <summary>Marks one of the person's notifications read, or all of them when <see cref="Id"/> is null.</summary>
[PersonalRequest]
public sealed record MarkNotificationsReadCommand(Guid? Id) : ICommand<int>;

public sealed class MarkNotificationsReadHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<MarkNotificationsReadCommand, int>
{
    public async ValueTask<int> Handle(MarkNotificationsReadCommand command, CancellationToken ct)
    {
        var unread = db.Notifications.Where(n => n.ReadAt == null);
        if (command.Id is { } id)
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, ct)
                ?? throw new NotFoundException("notification");
            notification.MarkRead(clock.GetUtcNow());
            return 1;
        }
        var all = await unread.ToListAsync(ct);
        foreach (var n in all) n.MarkRead(clock.GetUtcNow());
        return all.Count;
    }
}

public sealed class MarkNotificationsReadEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/me/notifications/{id:guid}/read", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new MarkNotificationsReadCommand(id), ct);
                return Results.NoContent();
            })
            .WithTags("Me").WithSummary("Mark one of my notifications read").WithTenantProblems();
        api.MapPost("/me/notifications/read", async (IMediator mediator, CancellationToken ct) =>
                Results.Ok(new { marked = await mediator.Send(new MarkNotificationsReadCommand(null), ct) }))
            .WithTags("Me").WithSummary("Mark all my notifications read").WithTenantProblems();
    }
}
