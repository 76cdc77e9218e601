using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Web.Features.Demo;
using CommitteeCloud.Web.Features.Directives;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>
/// The demo province's four indices for 2021–2025, recorded by the Ban Dân vận's officer through the app's own
/// commands. Plausible, not official, figures: ranks out of 63 provinces until 2024 and out of 34 for 2025 (after
/// the 2025 merger of provinces). Idempotent: a year already recorded is skipped.
/// </summary>
public static class DemoIndices
{
    private const string Officer = "canbo.danvan";

    private static readonly (PublicIndexKind Kind, int Year, decimal Score, int Rank, int Of, string Source)[] Values =
    [
        (PublicIndexKind.ParIndex, 2021, 84.12m, 38, 63, "Bộ Nội vụ, Báo cáo Chỉ số cải cách hành chính năm 2021"),
        (PublicIndexKind.ParIndex, 2022, 85.30m, 33, 63, "Bộ Nội vụ, Báo cáo Chỉ số cải cách hành chính năm 2022"),
        (PublicIndexKind.ParIndex, 2023, 86.75m, 27, 63, "Bộ Nội vụ, Báo cáo Chỉ số cải cách hành chính năm 2023"),
        (PublicIndexKind.ParIndex, 2024, 88.04m, 21, 63, "Bộ Nội vụ, Báo cáo Chỉ số cải cách hành chính năm 2024"),
        (PublicIndexKind.ParIndex, 2025, 89.10m, 12, 34, "Bộ Nội vụ, Báo cáo Chỉ số cải cách hành chính năm 2025"),
        (PublicIndexKind.Papi, 2021, 41.85m, 40, 63, "UNDP, Báo cáo PAPI 2021"),
        (PublicIndexKind.Papi, 2022, 42.36m, 35, 63, "UNDP, Báo cáo PAPI 2022"),
        (PublicIndexKind.Papi, 2023, 42.90m, 29, 63, "UNDP, Báo cáo PAPI 2023"),
        (PublicIndexKind.Papi, 2024, 43.48m, 24, 63, "UNDP, Báo cáo PAPI 2024"),
        (PublicIndexKind.Papi, 2025, 44.05m, 14, 34, "UNDP, Báo cáo PAPI 2025"),
        (PublicIndexKind.Sipas, 2021, 80.20m, 45, 63, "Bộ Nội vụ, Báo cáo Chỉ số SIPAS 2021"),
        (PublicIndexKind.Sipas, 2022, 81.74m, 39, 63, "Bộ Nội vụ, Báo cáo Chỉ số SIPAS 2022"),
        (PublicIndexKind.Sipas, 2023, 82.61m, 36, 63, "Bộ Nội vụ, Báo cáo Chỉ số SIPAS 2023"),
        (PublicIndexKind.Sipas, 2024, 84.05m, 28, 63, "Bộ Nội vụ, Báo cáo Chỉ số SIPAS 2024"),
        (PublicIndexKind.Sipas, 2025, 85.30m, 17, 34, "Bộ Nội vụ, Báo cáo Chỉ số SIPAS 2025"),
        (PublicIndexKind.Pci, 2021, 63.41m, 41, 63, "VCCI, Báo cáo PCI 2021"),
        (PublicIndexKind.Pci, 2022, 64.02m, 37, 63, "VCCI, Báo cáo PCI 2022"),
        (PublicIndexKind.Pci, 2023, 65.18m, 30, 63, "VCCI, Báo cáo PCI 2023"),
        (PublicIndexKind.Pci, 2024, 66.27m, 25, 63, "VCCI, Báo cáo PCI 2024"),
        (PublicIndexKind.Pci, 2025, 67.05m, 15, 34, "VCCI, Báo cáo PCI 2025"),
    ];

    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var province = await services.GetRequiredService<TenantStore>().FindByCodeAsync(DemoCascade.Province, ct);
        var officer = await new DemoActors(services, "demo-indices").FindUserIdAsync(Officer);
        return province is null || officer is null ? 0 : await SeedInAsync(services, province, officer.Value, ct);
    }

    /// <summary>Records the values the unit does not have yet, as <paramref name="userId"/>; how many were recorded.</summary>
    public static async Task<int> SeedInAsync(IServiceProvider services, TenantInfo tenant, Guid userId, CancellationToken ct)
    {
        var actors = new DemoActors(services, "demo-indices");
        var existing = await actors.AsAsync(tenant, userId, sp => sp.GetRequiredService<IMediator>().Send(new ListIndicesQuery(), ct));
        var recorded = existing.SelectMany(s => s.Values).Select(v => (v.Kind, v.Year)).ToHashSet();
        var added = 0;
        foreach (var v in Values.Where(v => !recorded.Contains((v.Kind, v.Year))))
        {
            await actors.AsAsync(tenant, userId, sp => sp.GetRequiredService<IMediator>().Send(
                new RecordIndexValueCommand(v.Kind, v.Year, v.Score, v.Rank, v.Of, v.Source), ct));
            added++;
        }
        return added;
    }
}
