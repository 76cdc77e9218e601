using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;

namespace CommitteeCloud.Web.Features.Commitments;

public sealed record TargetDto(string Name, string Unit, decimal Target, decimal? Actual, string? IndicatorCode, decimal? Live, bool? Met);

public sealed record CommittedModelDto(Guid ModelId, string Name, string Field, bool Recognized, string? RecognitionLevel);

public sealed record CommitmentEntryDto(CommitmentEntryKind Kind, DateTimeOffset At, string ActorName, string UnitName, string? Comment, int Revision);

/// <summary>One child's line on the parent's board.</summary>
public sealed record SlotDto(
    Guid Id, Guid ChildTenantId, string ChildCode, string ChildName, CommitmentState State, BoardStatus Status, DateOnly Deadline,
    string? TitleSought, IReadOnlyList<TargetDto> Targets, IReadOnlyList<CommittedModelDto> Models, int Revision, DateTimeOffset? SubmittedAt,
    bool SubmittedLate, string? LastComment, bool? Met, IReadOnlyList<CommitmentEntryDto> History, uint Version);

public sealed record BoardCounts(int NotYet, int Late, int Registered, int Approved, int Returned);

public sealed record RoundSummary(Guid Id, int Year, string Title, DateOnly Deadline, int Children, BoardCounts Counts);

public sealed record RoundBoard(Guid Id, int Year, string Title, string? Guidance, DateOnly Deadline, string OpenedBy, DateTimeOffset OpenedAt,
    BoardCounts Counts, IReadOnlyList<SlotDto> Slots);

/// <summary>The unit's own registration, with what it may do now.</summary>
public sealed record CommitmentDetail(
    Guid Id, string ParentTenantName, int Year, string RoundTitle, string? Guidance, DateOnly Deadline, CommitmentState State, BoardStatus Status,
    string? TitleSought, IReadOnlyList<TargetDto> Targets, IReadOnlyList<CommittedModelDto> Models, int Revision, DateTimeOffset? SubmittedAt,
    bool SubmittedLate, string? LastComment, bool CanRegister, bool? Met, IReadOnlyList<CommitmentEntryDto> History, uint Version);

public sealed record CommitmentSummary(Guid Id, string ParentTenantName, int Year, string RoundTitle, DateOnly Deadline, CommitmentState State, BoardStatus Status);

/// <summary>Danh hiệu thi đua the form offers (free text is allowed too).</summary>
public static class EmulationTitles
{
    public static readonly IReadOnlyList<string> Collective =
    [
        "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến",
        "Cờ thi đua của Ủy ban nhân dân tỉnh", "Bằng khen của Ủy ban nhân dân tỉnh",
    ];
}

public static class CommitmentMapping
{
    public static CommitmentEntryDto ToDto(this CommitmentEntry e) => new(e.Kind, e.At, e.ActorName, e.UnitName, e.Comment, e.Revision);

    public static BoardCounts Count(IEnumerable<BoardStatus> statuses)
    {
        var list = statuses.ToList();
        return new BoardCounts(list.Count(s => s == BoardStatus.NotYet), list.Count(s => s == BoardStatus.Late), list.Count(s => s == BoardStatus.Registered),
            list.Count(s => s == BoardStatus.Approved), list.Count(s => s == BoardStatus.Returned));
    }

    /// <summary>Targets judged against what was entered or, failing that, the live figure of their indicator.</summary>
    public static List<TargetDto> Judge(IEnumerable<CommitmentTarget> targets, IReadOnlyDictionary<string, decimal>? live) =>
    [
        .. targets.Select(t =>
        {
            decimal? figure = t.IndicatorCode is { } code && live is not null && live.TryGetValue(code, out var v) ? v : null;
            return new TargetDto(t.Name, t.Unit, t.Target, t.Actual, t.IndicatorCode, figure, CommitmentRules.TargetMet(t, figure));
        }),
    ];

    public static bool? Met(CommitmentState state, IReadOnlyList<TargetDto> targets, IReadOnlyList<CommittedModelDto> models) =>
        state != CommitmentState.Approved ? null : CommitmentRules.Met([.. targets.Select(t => t.Met)], [.. models.Select(m => m.Recognized)]);
}

/// <summary>Live events and notification kinds of the commitment rounds.</summary>
public static class CommitmentEvents
{
    /// <summary>Pushed to the parent tenant when its board changed.</summary>
    public const string BoardChanged = "commitmentsChanged";
    public const string Opened = "commitment-opened";
    public const string Submitted = "commitment-submitted";
    public const string Approved = "commitment-approved";
    public const string Returned = "commitment-returned";
    public const string Reopened = "commitment-reopened";
}
