using System.Data;
using CommitteeCloud.Web.Platform.Persistence;
using Mediator;

namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>
/// A request holds one database connection from its permission check to its answer. Left to itself EF Core opens a
/// pooled connection for each query and closes it after, and every open costs a round trip of its own (the tenant
/// session's <c>set_config</c>, after the pool's reset): an inbox read made four opens for four queries. A request
/// that arrives with the connection already open (a request sent by a handler) leaves it as it is.
/// </summary>
public sealed class SessionBehavior<TMessage, TResponse>(AppDbContext db) : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Closed) return await next(message, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
