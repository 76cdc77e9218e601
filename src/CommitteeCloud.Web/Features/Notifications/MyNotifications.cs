
namespace CommitteeCloud.Web.Features.Notifications;

/// <summary>The signed-in person's inbox across all their tenants, newest first.</summary>
[PersonalRequest]
public sealed record MyNotificationsQuery(bool UnreadOnly = true, int Take = 50) : IQuery<IReadOnlyList<NotificationDto>>;

public sealed record NotificationDto(
    Guid Id, Guid TenantId, string TenantCode, string TenantName, string Kind, string Title, string? Body, string? Link,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed class MyNotificationsValidator : AbstractValidator<MyNotificationsQuery>
{
    public MyNotificationsValidator() => RuleFor(x => x.Take).InclusiveBetween(1, 200);
}

public sealed class MyNotificationsHandler(AppDbContext db) : IQueryHandler<MyNotificationsQuery, IReadOnlyList<NotificationDto>>
{
    public async ValueTask<IReadOnlyList<NotificationDto>> Handle(MyNotificationsQuery query, CancellationToken ct)
    {
        // The query filter keeps this to the person's own notifications; row-level security does too.
        var notifications = db.Notifications.AsNoTracking();
        if (query.UnreadOnly) notifications = notifications.Where(n => n.ReadAt == null);
        return await notifications
            .OrderByDescending(n => n.CreatedAt)
            .Take(query.Take)
            .Join(db.Tenants, n => n.TenantId, t => t.Id, (n, t) => new NotificationDto(
                n.Id, n.TenantId, t.Code, t.Name, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
    }
}

public sealed class MyNotificationsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/me/notifications", (IMediator mediator, CancellationToken ct, bool unreadOnly = true, int take = 50) =>
            mediator.Send(new MyNotificationsQuery(unreadOnly, take), ct))
        .WithTags("Me").WithSummary("My inbox across all my tenants")
        .Produces<IReadOnlyList<NotificationDto>>().WithTenantProblems();
}
