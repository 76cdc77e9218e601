namespace CommitteeCloud.Domain.Tasks;

/// <summary>How often a recurring task is due.</summary>
public enum Recurrence
{
    /// <summary>Hằng tháng.</summary>
    Monthly,
    /// <summary>Hằng quý.</summary>
    Quarterly,
    /// <summary>6 tháng.</summary>
    SixMonthly,
    /// <summary>Hằng năm.</summary>
    Yearly,
}

/// <summary>One period of a recurring task (kỳ): its first and last day; the period's own deadline is its last day.</summary>
public sealed record TaskPeriod(DateOnly Start, DateOnly End, string Label);

/// <summary>
/// Thời hạn of a task: a date; a recurrence that generates periods; or "thường xuyên" (standing), which has no
/// deadline of its own but review dates.
/// </summary>
public abstract record Deadline
{
    private Deadline() { }

    public sealed record OnDate(DateOnly Date) : Deadline;

    public sealed record Recurring(Recurrence Every, DateOnly From, DateOnly Until) : Deadline
    {
        /// <summary>The periods overlapping [From, Until], each labelled as officers write them ("Quý II/2026").</summary>
        public IReadOnlyList<TaskPeriod> Periods()
        {
            if (Until < From) return [];
            var months = Every switch
            {
                Recurrence.Monthly => 1,
                Recurrence.Quarterly => 3,
                Recurrence.SixMonthly => 6,
                _ => 12,
            };
            var periods = new List<TaskPeriod>();
            var start = new DateOnly(From.Year, (From.Month - 1) / months * months + 1, 1);
            while (start <= Until)
            {
                var end = start.AddMonths(months).AddDays(-1);
                periods.Add(new TaskPeriod(start, end, Label(start)));
                start = start.AddMonths(months);
            }
            return periods;
        }

        /// <summary>The end of the first period not yet reported (through <paramref name="reportedThrough"/>); none once all are.</summary>
        public DateOnly? NextDue(DateOnly? reportedThrough) =>
            Periods().FirstOrDefault(p => reportedThrough is not { } through || p.End > through)?.End;

        private string Label(DateOnly start) => Every switch
        {
            Recurrence.Monthly => $"Tháng {start.Month}/{start.Year}",
            Recurrence.Quarterly => $"Quý {Roman((start.Month - 1) / 3 + 1)}/{start.Year}",
            Recurrence.SixMonthly => start.Month <= 6 ? $"6 tháng đầu năm {start.Year}" : $"6 tháng cuối năm {start.Year}",
            _ => $"Năm {start.Year}",
        };

        private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
    }

    public sealed record Standing(IReadOnlyList<DateOnly> ReviewDates) : Deadline
    {
        /// <summary>The next review date on or after <paramref name="today"/>, if any: what reminders aim at.</summary>
        public DateOnly? NextReview(DateOnly today) => ReviewDates.Where(d => d >= today).Order().Cast<DateOnly?>().FirstOrDefault();
    }
}
