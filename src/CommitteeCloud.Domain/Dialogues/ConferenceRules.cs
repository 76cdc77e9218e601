using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Dialogues;

/// <summary>
/// The counting rules of the annual staff conference (hội nghị cán bộ, công chức, viên chức): it is valid when at
/// least two thirds of the staff attend; a resolution passes, and a candidate to the People's Inspection Board is
/// elected, with the votes of more than half of those present.
/// </summary>
public static class ConferenceRules
{
    /// <summary>Whether <paramref name="attendance"/> of <paramref name="headcount"/> is at least two thirds (counted without rounding).</summary>
    public static bool HasQuorum(int headcount, int attendance) =>
        headcount > 0 && attendance <= headcount && 3L * attendance >= 2L * headcount;

    /// <summary>The fewest people who make the quorum: ⌈2/3 · headcount⌉.</summary>
    public static int QuorumOf(int headcount) => (int)((2L * headcount + 2) / 3);

    /// <summary>More than half of those present (a tie is not a majority).</summary>
    public static bool IsMajority(int votes, int attendance) => attendance > 0 && 2L * votes > attendance;

    public static void CheckAttendance(int headcount, int attendance)
    {
        if (headcount <= 0) throw new DomainRuleException("headcount", "Số cán bộ, công chức, viên chức phải lớn hơn 0.");
        if (attendance < 0) throw new DomainRuleException("attendance", "Số người dự không được âm.");
        if (attendance > headcount)
            throw new DomainRuleException("attendance", $"Số người dự ({attendance}) vượt số cán bộ, công chức, viên chức ({headcount}).");
    }

    /// <summary>Every ballot is cast by someone present: for + against + abstain never exceeds attendance.</summary>
    public static void CheckVotes(int forVotes, int against, int abstain, int attendance, string field)
    {
        if (forVotes < 0 || against < 0 || abstain < 0) throw new DomainRuleException(field, "Số phiếu không được âm.");
        if ((long)forVotes + against + abstain > attendance)
            throw new DomainRuleException(field, $"Tổng số phiếu ({(long)forVotes + against + abstain}) vượt số người dự hội nghị ({attendance}).");
    }
}
