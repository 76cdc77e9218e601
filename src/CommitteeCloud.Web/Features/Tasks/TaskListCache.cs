using CommitteeCloud.Domain.Tasks;
using Microsoft.Extensions.Caching.Memory;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// The task inbox's selections in urgency order, each under the tenant's <see cref="TaskListVersion"/> and today's
/// date (timeliness changes with the day). A task change anywhere, on any node, moves the version, so a stale order is
/// never served: it is simply never asked for again and ages out. Reads far outnumber changes in an inbox, so most
/// requests read one version row and one page of tasks instead of ordering every task of the unit.
/// </summary>
public sealed class TaskListCache : IDisposable
{
    /// <summary>What decides a selection's content and order; <paramref name="Membership"/> only for "việc của tôi".</summary>
    public sealed record Key(Guid TenantId, long Version, DateOnly Today, TaskScope Scope, Guid? Membership, TaskState? State, Guid? DirectiveId);

    /// <summary>Every task of the selection, most urgent first, with its timeliness today.</summary>
    public sealed record Selection(Guid[] Ids, Timeliness[] Timeliness);

    // Its own cache with a bound counted in tasks (about 20 bytes each): a few hundred busy units' inboxes, tens of MB.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000_000 });

    public async ValueTask<Selection> GetOrAddAsync(Key key, Func<Task<Selection>> read)
    {
        if (_cache.TryGetValue(key, out Selection? cached)) return cached!;
        var selection = await read();
        _cache.Set(key, selection, new MemoryCacheEntryOptions { Size = Math.Max(1, selection.Ids.Length), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return selection;
    }

    public void Dispose() => _cache.Dispose();
}
