using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Suggestions;

// Raised by the handlers' actions only, never by a submission: an outbox message records its actor and exact time.
// None carries the sender.

public sealed record SuggestionRouted(Guid SuggestionId, Guid ResponsibleUserId) : IDomainEvent;

public sealed record SuggestionAnswered(Guid SuggestionId) : IDomainEvent;

public sealed record SuggestionPublished(Guid SuggestionId) : IDomainEvent;

public sealed record SuggestionClosed(Guid SuggestionId) : IDomainEvent;
