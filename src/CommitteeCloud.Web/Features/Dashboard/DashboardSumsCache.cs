using Microsoft.Extensions.Caching.Memory;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>One kind of a unit's counters summed for a year as of a day: open work by timeliness, done work by outcome.</summary>
public sealed record DashboardSums(DashboardItemKind Kind, int NoDeadline, int Later, int DueSoon, int Overdue, int OnTime, int Late, int Met);

/// <summary>
/// The sums of each unit's counters, kept under the unit's <see cref="Supervision.UnitSummary.CountersVersion"/>, the
/// year and the day. A province's dashboard then reads its thousand unit rows and the counters of only the units that
/// changed since it was last asked, instead of every counter of the subtree. The version is in the database and moves
/// in the transaction that recounts, so no node serves sums older than the row it just read; the day is in the key
/// because open work turns due-soon and overdue by it. The sums of a unit are the same for every reader allowed to see
/// the unit (only units the reader's subtree query returned are looked up), so nothing here crosses tenants.
/// </summary>
public sealed class DashboardSumsCache : IDisposable
{
    public sealed record Key(Guid UnitId, long Version, int Year, DateOnly Today);

    // Three small records per entry: a hundred thousand entries is a province's units over many years, tens of MB.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public bool TryGet(Key key, out DashboardSums[] sums)
    {
        if (_cache.TryGetValue(key, out DashboardSums[]? cached))
        {
            sums = cached!;
            return true;
        }
        sums = [];
        return false;
    }

    public void Set(Key key, DashboardSums[] sums) =>
        _cache.Set(key, sums, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });

    public void Dispose() => _cache.Dispose();
}
