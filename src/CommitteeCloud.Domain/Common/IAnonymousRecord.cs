namespace CommitteeCloud.Domain.Common;

/// <summary>
/// A row that may be created by someone who must stay unknown (an anonymous suggestion). When
/// <see cref="IsAnonymous"/> is true its creation is not written to the audit trail (an entry would carry the time to
/// the microsecond and an id ordered against the sender's other, attributed actions) and it may not raise events
/// (an outbox message carries the actor and the exact time). Later changes by named people are audited as usual.
/// </summary>
public interface IAnonymousRecord
{
    bool IsAnonymous { get; }
}
