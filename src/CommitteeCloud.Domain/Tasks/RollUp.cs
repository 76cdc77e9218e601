namespace CommitteeCloud.Domain.Tasks;

/// <summary>One child's contribution to its parent's progress: how much it weighs, how far it is, whether it is done.</summary>
public sealed record ChildProgress(decimal Weight, decimal Percent, bool Done);

/// <summary>Progress of a task split among units, rolled up every level.</summary>
public sealed record RolledUpProgress(decimal Percent, bool Done);

/// <summary>
/// Tổng hợp tiến độ: a parent is done when all its children are; its percent is their weighted average (weights of
/// zero or less count as one) unless the assigner set it by hand.
/// </summary>
public static class RollUp
{
    public static RolledUpProgress Of(IReadOnlyCollection<ChildProgress> children, decimal? setByHand = null)
    {
        if (children.Count == 0) return new RolledUpProgress(setByHand ?? 0, false);
        var done = children.All(c => c.Done);
        if (setByHand is { } manual) return new RolledUpProgress(Clamp(manual), done);
        var totalWeight = children.Sum(c => c.Weight > 0 ? c.Weight : 1);
        var weighted = children.Sum(c => (c.Weight > 0 ? c.Weight : 1) * (c.Done ? 100 : Clamp(c.Percent)));
        return new RolledUpProgress(done ? 100 : Math.Round(weighted / totalWeight, 1), done);
    }

    private static decimal Clamp(decimal percent) => Math.Clamp(percent, 0, 100);
}
