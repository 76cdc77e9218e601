namespace CommitteeCloud.Web.Features.Indicators;

/// <summary>
/// Figures the system knows from its own records (số liệu tự động): an annual plan shows them as the actual against
/// its targets, a report pre-fills them. Each feature that records such a figure implements one source; sources are
/// found by <see cref="IndicatorSources.AddIndicatorSources"/>, so a feature adds its figures without touching anyone
/// else's code. Codes are stable (they are stored in plans and reports): "feature.what", e.g. "dialogues.held".
/// </summary>
public interface IIndicatorSource
{
    /// <summary>What this source counts.</summary>
    IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>
    /// The value of each of <see cref="Indicators"/> for the tenant the request acts in, over the days
    /// <paramref name="from"/> to <paramref name="to"/> inclusive (Vietnam dates). Reads through the tenant-filtered
    /// context, so it can only ever count the current tenant's own rows.
    /// </summary>
    Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>One figure: its stable code, its Vietnamese name and its unit of measure (e.g. "cuộc", "mô hình", "%").</summary>
public sealed record IndicatorDefinition(string Code, string Name, string Unit);

public static class IndicatorSources
{
    /// <summary>Registers every <see cref="IIndicatorSource"/> in this assembly (scoped: they read the request's context).</summary>
    public static IServiceCollection AddIndicatorSources(this IServiceCollection services)
    {
        foreach (var type in typeof(IIndicatorSource).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIndicatorSource).IsAssignableFrom(t)))
            services.AddScoped(typeof(IIndicatorSource), type);
        return services;
    }

    /// <summary>Every known figure for the current tenant and period, by code.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> CountAllAsync(this IEnumerable<IIndicatorSource> sources,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var all = new Dictionary<string, decimal>();
        // One after the other: they share the request's DbContext, which allows one operation at a time.
        foreach (var source in sources)
            foreach (var (code, value) in await source.CountAsync(from, to, ct))
                all[code] = value;
        return all;
    }
}
