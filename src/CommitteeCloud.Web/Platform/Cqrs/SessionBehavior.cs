using System.Data;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using Mediator;
using Npgsql;

namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>
/// A request holds one database connection from its permission check to its answer. Left to itself EF Core opens a
/// pooled connection for each query and closes it after, and every open costs a round trip of its own (the tenant
/// session's <c>set_config</c>, after the pool's reset): an inbox read made four opens for four queries. A request
/// that arrives with the connection already open (a request sent by a handler) leaves it as it is.
/// A request that a permission guards sends its tenant session and the caller's permissions in one batch: the check
/// that follows then costs no round trip (the province inbox spent a third of its database trips on it).
/// </summary>
public sealed class SessionBehavior<TMessage, TResponse>(AppDbContext db, ITenantContext context, TenantSessionInterceptor session,
    PermissionService permissions) : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Closed) return await next(message, cancellationToken);
        var batched = AccessRule<TMessage>.Permission is not null && !AccessRule<TMessage>.Platform && context is { Tenant: not null, UserId: not null };
        session.SessionSentByCaller = batched;
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        finally
        {
            session.SessionSentByCaller = false;
        }
        try
        {
            if (batched) await permissions.SendSessionAndReadAsync((NpgsqlConnection)db.Database.GetDbConnection(), cancellationToken);
            return await next(message, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
