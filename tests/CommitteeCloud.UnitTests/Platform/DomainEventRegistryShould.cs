using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Notifications;
using CommitteeCloud.Web.Platform.Outbox;

namespace CommitteeCloud.UnitTests.Platform;

public sealed class DomainEventRegistryShould
{
    private readonly DomainEventRegistry _registry = new(typeof(MemberAdded).Assembly, typeof(MemberAddedNotifier).Assembly);

    [Fact]
    public void Find_the_handlers_of_an_event_by_scanning()
    {
        Assert.Contains(DomainEventRegistry.NameOf(typeof(MemberAddedNotifier), typeof(MemberAdded)), _registry.HandlerNamesFor(typeof(MemberAdded)));
        Assert.Equal(typeof(MemberAdded), _registry.EventType(_registry.NameOf(typeof(MemberAdded))));
        Assert.Equal((typeof(MemberAddedNotifier), typeof(MemberAdded)), _registry.Handler(DomainEventRegistry.NameOf(typeof(MemberAddedNotifier), typeof(MemberAdded))));
    }
}
