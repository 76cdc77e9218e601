using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Persistence;
using Mediator;

namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>
/// A command runs in one transaction: its changes, its outbox events and its audit entries commit together or not
/// at all. Live pushes wait for the commit.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(AppDbContext db, AfterCommit afterCommit, OutboxSignal outbox)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            outbox.Notify();
            await afterCommit.RunAsync();
            return response;
        }
        catch
        {
            afterCommit.Discard();
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
