using CommitteeCloud.Domain.Reports;

namespace CommitteeCloud.Web.Features.Reports;

public sealed record TemplateSectionDto(string Title, string? Guidance);

public sealed record TemplateIndicatorDto(string Key, string Name, string Unit, AggregationRule Rule, string? IndicatorCode);

public sealed record ReportTemplateDto(Guid Id, string Name, string? Description, IReadOnlyList<TemplateSectionDto> Sections,
    IReadOnlyList<TemplateIndicatorDto> Indicators, DateTimeOffset UpdatedAt, uint Version);

public sealed record ReportTemplateSummary(Guid Id, string Name, int Sections, int Indicators, DateTimeOffset UpdatedAt);

public sealed record ReportEntryDto(ReportEntryKind Kind, DateTimeOffset At, string ActorName, string UnitName, string? Comment, int Revision, bool Late);

public sealed record ReportIndicatorDto(string Key, string Name, string Unit, AggregationRule Rule, string? IndicatorCode, decimal? Computed,
    decimal? Value, string? CorrectionNote, bool Corrected);

public sealed record ReportSectionDto(string Title, string? Guidance, string? Text);

/// <summary>One indicator added up: over the direct children's own figures, and over their whole subtrees.</summary>
public sealed record AggregateRow(string Key, string Name, string Unit, AggregationRule Rule, decimal? Children, int ChildrenUnits,
    decimal? Subtree, int SubtreeUnits);

public sealed record ReportSlotDto(Guid Id, Guid ChildTenantId, string ChildCode, string ChildName, ReportState State, ReportBoardStatus Status,
    DateOnly Deadline, int Revision, DateTimeOffset? SubmittedAt, bool SubmittedLate, string? LastComment, int SubtreeUnits,
    IReadOnlyList<ReportIndicatorDto> Indicators, IReadOnlyList<ReportSectionDto> Sections, IReadOnlyList<ReportEntryDto> History, uint Version);

public sealed record ReportBoardCounts(int NotSubmitted, int OnTime, int Late, int Overdue, int Returned);

public sealed record ReportRequestSummary(Guid Id, ReportKind Kind, string KindName, string PeriodName, string Subject, DateOnly OpensOn,
    DateOnly Deadline, int Children, ReportBoardCounts Counts, Guid? ForwardedFromReportId);

/// <summary>Bảng theo dõi báo cáo: the request, each child's status and the indicators added up.</summary>
public sealed record ReportBoard(Guid Id, ReportKind Kind, string KindName, int Year, int? Number, string PeriodName, DateOnly PeriodFrom, DateOnly PeriodTo,
    DateOnly OpensOn, DateOnly Deadline, string Subject, string? Guidance, string TemplateName, string SentBy, DateTimeOffset SentAt,
    Guid? ForwardedFromReportId, ReportBoardCounts Counts, IReadOnlyList<ReportSlotDto> Slots, IReadOnlyList<AggregateRow> Aggregate,
    IReadOnlyList<TemplateSectionDto> Sections);

/// <summary>The unit's own report, with what it may do now and (when it forwarded the request) its children's figures.</summary>
public sealed record ReportDetail(Guid Id, string ParentTenantName, ReportKind Kind, string KindName, int Year, int? Number, string PeriodName,
    DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly OpensOn, DateOnly Deadline, string Subject, string? Guidance, ReportState State,
    ReportBoardStatus Status, IReadOnlyList<ReportSectionDto> Sections, IReadOnlyList<ReportIndicatorDto> Indicators, string? DocumentNumber,
    string? Place, string? SignerName, string? SignerCapacity, string? ApprovedBy, DateTimeOffset? ApprovedAt, DateTimeOffset? SubmittedAt,
    bool SubmittedLate, int Revision, string? LastComment, bool IsOpen, bool CanEdit, bool CanApprove, bool CanSubmit, Guid? ForwardedRequestId,
    IReadOnlyList<AggregateRow>? ChildrenAggregate, IReadOnlyList<ReportEntryDto> History, uint Version);

public sealed record ReportSummary(Guid Id, string ParentTenantName, ReportKind Kind, string KindName, string PeriodName, string Subject,
    DateOnly OpensOn, DateOnly Deadline, ReportState State, ReportBoardStatus Status, bool IsOpen);

public static class ReportMapping
{
    public static ReportEntryDto ToDto(this ReportEntry e) => new(e.Kind, e.At, e.ActorName, e.UnitName, e.Comment, e.Revision, e.Late);

    public static ReportIndicatorDto ToDto(this ReportIndicator i) =>
        new(i.Key, i.Name, i.Unit, i.Rule, i.IndicatorCode, i.Computed, i.Value, i.CorrectionNote, i.Corrected);

    public static ReportSectionDto ToDto(this ReportSection s) => new(s.Title, s.Guidance, s.Text);

    public static ReportTemplateDto ToDto(this ReportTemplate t) => new(t.Id, t.Name, t.Description,
        [.. t.Sections.Select(s => new TemplateSectionDto(s.Title, s.Guidance))],
        [.. t.Indicators.Select(i => new TemplateIndicatorDto(i.Key, i.Name, i.Unit, i.Rule, i.IndicatorCode))], t.UpdatedAt, t.Version);

    public static ReportBoardCounts Count(IEnumerable<ReportBoardStatus> statuses)
    {
        var list = statuses.ToList();
        return new ReportBoardCounts(list.Count(s => s == ReportBoardStatus.NotSubmitted), list.Count(s => s == ReportBoardStatus.OnTime),
            list.Count(s => s == ReportBoardStatus.Late), list.Count(s => s == ReportBoardStatus.Overdue), list.Count(s => s == ReportBoardStatus.Returned));
    }

    /// <summary>
    /// The indicators added up over the submitted slots only (a returned or missing report does not count): the
    /// children's own figures, and the subtree figures each child sent with its own.
    /// </summary>
    public static List<AggregateRow> Aggregate(IReadOnlyList<TemplateIndicator> indicators, IReadOnlyList<ReportSlot> slots)
    {
        var submitted = slots.Where(s => s.IsSubmitted).ToList();
        var children = ReportAggregation.Combine(submitted.Select(s => ReportAggregation.CellsOf(s.Indicators))).ToDictionary(c => c.Key);
        var subtree = ReportAggregation.Combine(submitted.Select(s => s.SubtreeCells)).ToDictionary(c => c.Key);
        return [.. indicators.Select(i =>
        {
            var c = children.GetValueOrDefault(i.Key);
            var t = subtree.GetValueOrDefault(i.Key);
            return new AggregateRow(i.Key, i.Name, i.Unit, i.Rule, c?.ValueBy(i.Rule), c?.Count ?? 0, t?.ValueBy(i.Rule), t?.Count ?? 0);
        })];
    }
}

/// <summary>Live events and notification kinds of reports.</summary>
public static class ReportEvents
{
    /// <summary>Pushed to the tenant whose board (or received report) changed.</summary>
    public const string BoardChanged = "reportsChanged";
    public const string Requested = "report-requested";
    public const string Submitted = "report-submitted";
    public const string Returned = "report-returned";
    public const string Approved = "report-approved";
}
