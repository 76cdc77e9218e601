using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>Tells the unit's open pages, live, that a dialogue changed (a question arrived, an answer, the minutes).</summary>
public sealed class DialogueLive(ITenantContext context, AfterCommit afterCommit, LivePush push) : IDomainEventHandler<DialogueChanged>
{
    public const string DialogueChangedEvent = "dialogueChanged";

    public ValueTask HandleAsync(DialogueChanged domainEvent, DomainEventContext eventContext, CancellationToken ct)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("A dialogue's event is handled in its own tenant.");
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(tenant.Id, DialogueChangedEvent, domainEvent.DialogueId)));
        return ValueTask.CompletedTask;
    }
}
