namespace CommitteeCloud.Web.Platform;

/// <summary>Dates are Vietnamese dates: a decision "in force from 01/01" starts at midnight in Hà Nội, not in UTC.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
