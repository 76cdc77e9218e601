using CommitteeCloud.Domain.Plans;
using MudBlazor;

namespace CommitteeCloud.Web.Components.Shared;

/// <summary>How plans and their targets are coloured: green met, blue exceeded, red not met.</summary>
public static class PlanColors
{
    public static Color Of(PlanStatus status) => status switch
    {
        PlanStatus.Draft => Color.Default,
        PlanStatus.Issued => Color.Primary,
        PlanStatus.Reviewed => Color.Info,
        _ => Color.Success,
    };

    public static Color Of(TargetStatus status) => status switch
    {
        TargetStatus.Met => Color.Success,
        TargetStatus.Exceeded => Color.Info,
        TargetStatus.NotMet => Color.Error,
        _ => Color.Default,
    };

    public static string RowStyle(TargetStatus status) => status switch
    {
        TargetStatus.NotMet => "background-color:#fdecea;",
        TargetStatus.Met => "background-color:#edf7ed;",
        TargetStatus.Exceeded => "background-color:#e5f6fd;",
        _ => "",
    };
}
