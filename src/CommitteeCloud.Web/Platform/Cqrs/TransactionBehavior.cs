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
    private const int Attempts = 3;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(message, next, cancellationToken);
            }
            // A row the command did not claim a version of was changed meanwhile (an event handler rolling a task up
            // while its assigner withdraws it): run the command again on fresh rows. A command that sent the version
            // its user saw gets the 409.
            catch (DbUpdateConcurrencyException) when (attempt < Attempts && !ExpectedVersion.IsClaimedBy(message))
            {
            }
        }
    }

    private async ValueTask<TResponse> RunOnceAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
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
            db.DiscardPending();
            throw;
        }
    }
}

/// <summary>Whether a command carries the version its user read (a <c>Version</c> property with a value).</summary>
public static class ExpectedVersion
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo?> Properties = new();

    public static bool IsClaimedBy(object message)
    {
        var property = Properties.GetOrAdd(message.GetType(), t => t.GetProperty("Version"));
        return property?.GetValue(message) is not null;
    }
}
