using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Reports;

/// <summary>
/// Yêu cầu báo cáo: a parent asks some of its direct children for a report of a kind and period, by a deadline, on a
/// copy of one of its templates (later changes to the template do not reach a request already sent). When it forwards
/// a request the unit itself received, <see cref="ForwardedFromReportId"/> names the unit's own report.
/// </summary>
public sealed class ReportRequest : Entity, ITenantOwned, IVersioned
{
    public const int SubjectMaxLength = 500;

    private ReportRequest() { }

    public ReportRequest(ReportKind kind, int year, int? number, DateOnly periodFrom, DateOnly periodTo, DateOnly opensOn, DateOnly deadline,
        string subject, string? guidance, Guid? templateId, string templateName, IReadOnlyList<TemplateSection> sections,
        IReadOnlyList<TemplateIndicator> indicators, Guid? seriesId, Guid? forwardedFromReportId, string sentBy, DateTimeOffset now)
    {
        if (periodTo < periodFrom) throw new DomainRuleException("periodTo", "Đến ngày phải sau từ ngày.");
        if (deadline < opensOn) throw new DomainRuleException("deadline", "Hạn nộp phải sau ngày mở kỳ báo cáo.");
        if (string.IsNullOrWhiteSpace(subject)) throw new DomainRuleException("subject", "Hãy nhập trích yếu báo cáo.");
        Kind = kind;
        Year = year;
        Number = number;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        OpensOn = opensOn;
        Deadline = deadline;
        Subject = subject.Trim();
        Guidance = string.IsNullOrWhiteSpace(guidance) ? null : guidance.Trim();
        TemplateId = templateId;
        TemplateName = templateName;
        Sections = [.. sections.Select(s => new TemplateSection { Title = s.Title, Guidance = s.Guidance })];
        Indicators = [.. indicators.Select(i => new TemplateIndicator { Key = i.Key, Name = i.Name, Unit = i.Unit, Rule = i.Rule, IndicatorCode = i.IndicatorCode })];
        SeriesId = seriesId;
        ForwardedFromReportId = forwardedFromReportId;
        SentBy = sentBy;
        SentAt = now;
    }

    public Guid TenantId { get; private set; }
    public ReportKind Kind { get; private set; }
    public int Year { get; private set; }
    /// <summary>Quý 1–4, nửa năm 1–2; null for thematic and ad hoc reports.</summary>
    public int? Number { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    /// <summary>From this day the units may draft: today for the request sent now, later for the next periods of a recurring one.</summary>
    public DateOnly OpensOn { get; private set; }
    public DateOnly Deadline { get; private set; }
    /// <summary>Trích yếu, e.g. "Kết quả công tác dân vận quý I năm 2026".</summary>
    public string Subject { get; private set; } = "";
    public string? Guidance { get; private set; }
    public Guid? TemplateId { get; private set; }
    public string TemplateName { get; private set; } = "";
    public List<TemplateSection> Sections { get; private set; } = [];
    public List<TemplateIndicator> Indicators { get; private set; } = [];
    /// <summary>Shared by the periods of one recurring request (e.g. the four quarters of a year).</summary>
    public Guid? SeriesId { get; private set; }
    public Guid? ForwardedFromReportId { get; private set; }
    public string SentBy { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public uint Version { get; private set; }

    public string PeriodName => ReportPeriods.Name(Kind, Year, Number, PeriodFrom, PeriodTo);
}

/// <summary>Where a unit's report stands.</summary>
public enum ReportState
{
    /// <summary>Đang soạn.</summary>
    Draft,
    /// <summary>Đã được bí thư (người có thẩm quyền) duyệt, chờ gửi.</summary>
    Approved,
    /// <summary>Đã gửi cấp trên.</summary>
    Submitted,
    /// <summary>Cấp trên trả lại, yêu cầu chỉnh sửa.</summary>
    Returned,
}

/// <summary>How the parent's board shows one child.</summary>
public enum ReportBoardStatus
{
    /// <summary>Chưa gửi (still before the deadline).</summary>
    NotSubmitted,
    /// <summary>Đã gửi đúng hạn.</summary>
    OnTime,
    /// <summary>Đã gửi muộn.</summary>
    Late,
    /// <summary>Quá hạn, chưa gửi.</summary>
    Overdue,
    /// <summary>Đã trả lại.</summary>
    Returned,
}

public enum ReportEntryKind { Requested, Approved, Submitted, Returned, Forwarded }

/// <summary>One step of a report's history, kept on both sides.</summary>
public sealed class ReportEntry
{
    public ReportEntryKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorName { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string? Comment { get; set; }
    public int Revision { get; set; }
    public bool Late { get; set; }
}

/// <summary>A section as written by the unit.</summary>
public sealed class ReportSection
{
    public string Title { get; set; } = "";
    public string? Guidance { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// One indicator of a unit's report: the figure the system computed from live data (bound indicators), the figure
/// the unit reports and, when they differ, the unit's note on why. Both are kept.
/// </summary>
public sealed class ReportIndicator
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public AggregationRule Rule { get; set; }
    public string? IndicatorCode { get; set; }
    public decimal? Computed { get; set; }
    public decimal? Value { get; set; }
    public string? CorrectionNote { get; set; }

    public bool Corrected => CorrectionNote is not null;
}

/// <summary>The signing details of the administrative document (số ký hiệu, địa danh, người ký).</summary>
public sealed record ReportSignature(string? DocumentNumber, string? Place, string? SignerName, string? SignerCapacity);

/// <summary>Báo cáo gửi lên: the unit's report as it now stands, handled in the parent's tenant.</summary>
public sealed record ReportSubmitted(
    Guid TargetTenantId, Guid RequestId, Guid SlotId, Guid ChildTenantId, Guid ReportId, int Sequence, ReportState State, int Revision,
    DateTimeOffset? SubmittedAt, bool SubmittedLate, IReadOnlyList<ReportIndicator> Indicators, IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<AggregateCell> SubtreeCells, int SubtreeUnits, ReportSignature Signature, ReportEntry Entry) : IRoutedEvent;
