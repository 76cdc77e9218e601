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

    // Its own cache with a bound counted in tasks of a selection (about 20 bytes each; a listed row counts 25, ~500
    // bytes): a few hundred busy units' inboxes, tens of MB.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000_000 });

    /// <summary>One page of a selection as answered: under the same version, so it holds until a task changes.</summary>
    public sealed record PageKey(Key Selection, Timeliness? Timeliness, int Page, int PageSize);

    public ValueTask<Selection> GetOrAddAsync(Key key, Func<Task<Selection>> read) =>
        GetOrAddAsync(key, read, s => s.Ids.Length);

    /// <summary>
    /// The page most people open (the first, unfiltered) is asked for far more often than anything changes, so its
    /// answer is kept whole: a repeated request then reads the version row and nothing else. Every field of a list
    /// row comes from <c>tasks</c> or <c>task_handoffs</c>, whose changes move the version.
    /// </summary>
    public ValueTask<TaskList> GetOrAddPageAsync(PageKey key, Func<Task<TaskList>> read) =>
        GetOrAddAsync(key, read, p => p.Items.Count * 25);

    private async ValueTask<T> GetOrAddAsync<T>(object key, Func<Task<T>> read, Func<T, int> size) where T : class
    {
        if (_cache.TryGetValue(key, out T? cached)) return cached!;
        var value = await read();
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
