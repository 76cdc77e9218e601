using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>At a glance (bản đồ nhiệt): red needs action now, amber soon, green is in order.</summary>
public enum UnitHealth { Green, Amber, Red, Suspended }

/// <summary>Báo cáo: sent on time, sent late, missing (past the deadline, not sent) and not yet due.</summary>
public sealed record ReportFigures(int OnTime, int Late, int Missing, int NotYetDue)
{
    public static readonly ReportFigures None = new(0, 0, 0, 0);
    public ReportFigures Plus(ReportFigures o) => new(OnTime + o.OnTime, Late + o.Late, Missing + o.Missing, NotYetDue + o.NotYetDue);
}

/// <summary>Đăng ký thi đua: registered (on time or late), of which met every target, and not registered.</summary>
public sealed record CommitmentFigures(int Registered, int RegisteredLate, int Met, int NotRegistered)
{
    public static readonly CommitmentFigures None = new(0, 0, 0, 0);
    public CommitmentFigures Plus(CommitmentFigures o) => new(Registered + o.Registered, RegisteredLate + o.RegisteredLate, Met + o.Met, NotRegistered + o.NotRegistered);
}

/// <summary>Kết quả đánh giá, xếp loại mới nhất.</summary>
public sealed record ReviewResult(string Title, int Year, decimal Total, string Band, int? Rank, int RankedUnits);

/// <summary>One unit's row of the dashboard; <see cref="Depth"/> counts from the dashboard's own unit (0).</summary>
public sealed record DashboardUnit(
    Guid TenantId, Guid? ParentId, string Code, string Name, string LevelLabel, TenantKind Kind, TenantStatus Status, int Depth,
    TimelinessCounts Tasks, ReportFigures Reports, CommitmentFigures Commitments,
    bool HasLeaderInForce, string? LeaderName, bool DialogueHeld, DateOnly? LastDialogueOn, ReviewResult? Review,
    UnitHealth Health, IReadOnlyList<string> Flags);

public sealed record DashboardTotals(
    int Units, int Red, int Amber, int Green, TimelinessCounts Tasks, ReportFigures Reports, CommitmentFigures Commitments,
    int WithLeader, int WithDialogue)
{
    /// <summary>Totals of the rows shown, so a page that replaced one row (a live delta) sums again without asking the server.</summary>
    public static DashboardTotals Of(IReadOnlyCollection<DashboardUnit> units)
    {
        var active = units.Where(u => u.Health != UnitHealth.Suspended).ToList();
        var t = active.Select(u => u.Tasks).ToList();
        return new(active.Count, active.Count(u => u.Health == UnitHealth.Red), active.Count(u => u.Health == UnitHealth.Amber),
            active.Count(u => u.Health == UnitHealth.Green),
            new TimelinessCounts(t.Sum(x => x.NoDeadline), t.Sum(x => x.OnTime), t.Sum(x => x.DueSoon), t.Sum(x => x.Overdue),
                t.Sum(x => x.CompletedOnTime), t.Sum(x => x.CompletedLate)),
            active.Aggregate(ReportFigures.None, (sum, u) => sum.Plus(u.Reports)),
            active.Aggregate(CommitmentFigures.None, (sum, u) => sum.Plus(u.Commitments)),
            active.Count(u => u.HasLeaderInForce), active.Count(u => u.DialogueHeld));
    }
}

/// <summary>The dashboard of a subtree for a year: open work due by the year's end (overdue from earlier years included), work done in it.</summary>
public sealed record DashboardView(int Year, DateOnly Today, DashboardTotals Totals, IReadOnlyList<DashboardUnit> Units);

/// <summary>A task of the unit as its supervisors see it on the drill-down (from the cascade read model).</summary>
public sealed record DashboardTaskItem(Guid TaskId, string Title, Domain.Tasks.TaskState State, decimal Percent, DateOnly? Deadline,
    Domain.Tasks.Timeliness Timeliness, int DaysOverdue, bool ExplanationPending);

/// <summary>Drill-down: the unit's row, its direct children's rows, and its tasks needing attention (overdue first).</summary>
public sealed record DashboardUnitDetail(DashboardUnit Unit, IReadOnlyList<DashboardUnit> Children, IReadOnlyList<DashboardTaskItem> Tasks);
