using CommitteeCloud.Web.Platform.Auditing;
using Mediator;

namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>Names the unit of work in the audit trail; the DbContext writes the entries with the changes.</summary>
public sealed class AuditBehavior<TMessage, TResponse>(AuditScope scope)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        scope.Operation ??= typeof(TMessage).Name;
        return next(message, cancellationToken);
    }
}
