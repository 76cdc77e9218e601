namespace CommitteeCloud.Domain.Reports;

/// <summary>Cách tổng hợp một chỉ tiêu across units.</summary>
public enum AggregationRule
{
    /// <summary>Cộng: the units' figures added up.</summary>
    Sum,
    /// <summary>Bình quân: the mean over the units that gave a figure.</summary>
    Average,
    /// <summary>Đếm số đơn vị "có": a yes/no indicator (1 = có, 0 = không), counted.</summary>
    CountYes,
}

/// <summary>
/// What a set of units reported for one indicator, kept so that sets combine exactly: the sum, how many units gave a
/// figure and how many of them said yes. Every rule's value derives from it, and two cells add component-wise, so a
/// unit can hand its whole subtree's cell up and its parent adds cells without ever reading the units below.
/// </summary>
public sealed class AggregateCell
{
    public string Key { get; set; } = "";
    public decimal Sum { get; set; }
    public int Count { get; set; }
    public int Yes { get; set; }

    public static AggregateCell Of(string key, decimal? value) => value is { } v
        ? new AggregateCell { Key = key, Sum = v, Count = 1, Yes = v > 0 ? 1 : 0 }
        : new AggregateCell { Key = key };

    public AggregateCell Plus(AggregateCell other) => new() { Key = Key, Sum = Sum + other.Sum, Count = Count + other.Count, Yes = Yes + other.Yes };

    /// <summary>The figure the rule gives; null when no unit gave one (an average of nothing is not zero).</summary>
    public decimal? ValueBy(AggregationRule rule) => rule switch
    {
        AggregationRule.Sum => Count == 0 ? null : Sum,
        AggregationRule.Average => Count == 0 ? null : Math.Round(Sum / Count, 2),
        AggregationRule.CountYes => Count == 0 ? null : Yes,
        _ => null,
    };
}

public static class ReportAggregation
{
    /// <summary>Adds cells by indicator key; keys present in none of the sets are absent from the result.</summary>
    public static List<AggregateCell> Combine(IEnumerable<IEnumerable<AggregateCell>> sets)
    {
        var byKey = new Dictionary<string, AggregateCell>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var set in sets)
            foreach (var cell in set)
            {
                if (byKey.TryGetValue(cell.Key, out var had)) byKey[cell.Key] = had.Plus(cell);
                else
                {
                    byKey[cell.Key] = new AggregateCell { Key = cell.Key, Sum = cell.Sum, Count = cell.Count, Yes = cell.Yes };
                    order.Add(cell.Key);
                }
            }
        return [.. order.Select(k => byKey[k])];
    }

    /// <summary>One unit's own figures as cells.</summary>
    public static List<AggregateCell> CellsOf(IEnumerable<ReportIndicator> indicators) =>
        [.. indicators.Select(i => AggregateCell.Of(i.Key, i.Value))];
}
