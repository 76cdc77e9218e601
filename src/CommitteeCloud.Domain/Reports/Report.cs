using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Reports;

/// <summary>What the unit writes in one edit: section texts by position, indicator figures by key, signature.</summary>
public sealed record ReportDraft(IReadOnlyList<string?> SectionTexts, IReadOnlyList<IndicatorFigure> Figures, ReportSignature Signature);

/// <summary>A figure the unit enters; <see cref="Note"/> is required when it differs from the computed one.</summary>
public sealed record IndicatorFigure(string Key, decimal? Value, string? Note);

/// <summary>
/// Báo cáo: the unit's own report for its parent's request, in the unit's tenant. The parent holds a
/// <see cref="ReportSlot"/> that mirrors it from <see cref="ReportSubmitted"/> events, never by reading it.
/// Draft → (approve) Approved → (submit) Submitted → (parent returns) Returned → edit → approve → submit…
/// Editing an approved report sends it back to draft: what is submitted is always what was approved.
/// </summary>
public sealed class Report : Entity, ITenantOwned, IVersioned
{
    public const int TextMaxLength = 20000;
    public const int NoteMaxLength = 1000;

    private Report() { }

    public static Report Received(Guid id, Guid parentTenantId, string parentTenantName, ReportRequest request, ReportSlot slot, string actorName,
        DateTimeOffset now)
    {
        var r = new Report
        {
            Id = id, ParentTenantId = parentTenantId, ParentTenantName = parentTenantName, RequestId = request.Id, SlotId = slot.Id,
            Kind = request.Kind, Year = request.Year, Number = request.Number, PeriodFrom = request.PeriodFrom, PeriodTo = request.PeriodTo,
            OpensOn = request.OpensOn, Deadline = slot.Deadline, Subject = request.Subject, Guidance = request.Guidance,
            Sections = [.. request.Sections.Select(s => new ReportSection { Title = s.Title, Guidance = s.Guidance })],
            Indicators = [.. request.Indicators.Select(i => new ReportIndicator { Key = i.Key, Name = i.Name, Unit = i.Unit, Rule = i.Rule, IndicatorCode = i.IndicatorCode })],
            State = ReportState.Draft, CreatedAt = now, UpdatedAt = now,
        };
        r.History.Add(new ReportEntry { Kind = ReportEntryKind.Requested, At = now, ActorName = actorName, UnitName = parentTenantName });
        return r;
    }

    public Guid TenantId { get; private set; }
    public Guid ParentTenantId { get; private set; }
    public string ParentTenantName { get; private set; } = "";
    public Guid RequestId { get; private set; }
    public Guid SlotId { get; private set; }
    public ReportKind Kind { get; private set; }
    public int Year { get; private set; }
    public int? Number { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public DateOnly Deadline { get; private set; }
    public string Subject { get; private set; } = "";
    public string? Guidance { get; private set; }
    public List<ReportSection> Sections { get; private set; } = [];
    public List<ReportIndicator> Indicators { get; private set; } = [];
    public ReportState State { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string? Place { get; private set; }
    public string? SignerName { get; private set; }
    public string? SignerCapacity { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public bool SubmittedLate { get; private set; }
    public int Revision { get; private set; }
    public string? LastComment { get; private set; }
    public List<ReportEntry> History { get; private set; } = [];
    /// <summary>The request this unit made of its own children from this one (chuyển tiếp), whose slots it aggregates.</summary>
    public Guid? ForwardedRequestId { get; private set; }
    /// <summary>Counts every change sent up, so the parent ignores a report older than what it holds.</summary>
    public int Sequence { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public ReportSignature Signature => new(DocumentNumber, Place, SignerName, SignerCapacity);
    public string PeriodName => ReportPeriods.Name(Kind, Year, Number, PeriodFrom, PeriodTo);
    public bool IsOpen(DateOnly today) => today >= OpensOn;
    public bool CanEdit(DateOnly today) => IsOpen(today) && State is ReportState.Draft or ReportState.Approved or ReportState.Returned;

    /// <summary>
    /// Takes the live figures of the period for the bound indicators: an indicator the unit did not correct follows
    /// them; a corrected one keeps the unit's figure and shows the new computed one beside it.
    /// </summary>
    public void Prefill(IReadOnlyDictionary<string, decimal> live)
    {
        if (State == ReportState.Submitted) return;
        foreach (var i in Indicators.Where(i => i.IndicatorCode is not null))
        {
            i.Computed = live.TryGetValue(i.IndicatorCode!, out var v) ? v : null;
            if (!i.Corrected) i.Value = i.Computed;
        }
        Indicators = [.. Indicators];
    }

    /// <summary>Soạn / sửa báo cáo. Checked whole before anything changes.</summary>
    public void Edit(ReportDraft draft, DateOnly today, DateTimeOffset now)
    {
        if (!IsOpen(today)) throw new DomainRuleException("state", $"Kỳ báo cáo mở từ ngày {OpensOn:dd/MM/yyyy}.");
        if (State == ReportState.Submitted) throw new DomainRuleException("state", "Báo cáo đã gửi cấp trên, không sửa được (trừ khi bị trả lại).");
        ReportRules.CheckDraft(this, draft);
        for (var s = 0; s < Sections.Count && s < draft.SectionTexts.Count; s++)
            Sections[s].Text = string.IsNullOrWhiteSpace(draft.SectionTexts[s]) ? null : draft.SectionTexts[s]!.Trim();
        foreach (var figure in draft.Figures)
        {
            var i = Indicators.Single(x => x.Key == figure.Key);
            i.Value = figure.Value;
            i.CorrectionNote = i.IndicatorCode is not null && i.Computed != figure.Value ? figure.Note!.Trim() : null;
        }
        Sections = [.. Sections];
        Indicators = [.. Indicators];
        DocumentNumber = Clean(draft.Signature.DocumentNumber);
        Place = Clean(draft.Signature.Place);
        SignerName = Clean(draft.Signature.SignerName);
        SignerCapacity = Clean(draft.Signature.SignerCapacity);
        if (State == ReportState.Approved) { State = ReportState.Draft; ApprovedBy = null; ApprovedAt = null; }
        UpdatedAt = now;
    }

    /// <summary>Bí thư duyệt: the figures are frozen as approved (live data changing later does not move them).</summary>
    public void Approve(DateOnly today, DateTimeOffset now, string actorName, string unitName)
    {
        if (!IsOpen(today)) throw new DomainRuleException("state", $"Kỳ báo cáo mở từ ngày {OpensOn:dd/MM/yyyy}.");
        if (State is not (ReportState.Draft or ReportState.Returned)) throw new DomainRuleException("state", "Chỉ duyệt báo cáo đang soạn hoặc bị trả lại.");
        for (var i = 0; i < Indicators.Count; i++)
            if (Indicators[i].Value is null) throw new DomainRuleException($"indicators[{i}].value", $"Chưa có số liệu \"{Indicators[i].Name}\".");
        State = ReportState.Approved;
        ApprovedBy = actorName;
        ApprovedAt = now;
        UpdatedAt = now;
        History.Add(new ReportEntry { Kind = ReportEntryKind.Approved, At = now, ActorName = actorName, UnitName = unitName, Revision = Revision });
        History = [.. History];
    }

    /// <summary>
    /// Gửi báo cáo, with the whole subtree's figures (this unit's and those its children submitted to it). Accepted
    /// after the deadline, and then marked late: a submission is on time only when made by the deadline.
    /// </summary>
    public void Submit(IReadOnlyList<AggregateCell> subtreeCells, int subtreeUnits, DateOnly today, DateTimeOffset now, string actorName, string unitName)
    {
        if (State != ReportState.Approved) throw new DomainRuleException("state", "Báo cáo phải được duyệt trước khi gửi.");
        State = ReportState.Submitted;
        Revision++;
        SubmittedAt = now;
        SubmittedLate = ReportRules.IsLate(today, Deadline);
        Sequence++;
        UpdatedAt = now;
        var entry = new ReportEntry { Kind = ReportEntryKind.Submitted, At = now, ActorName = actorName, UnitName = unitName, Revision = Revision, Late = SubmittedLate };
        History = [.. History, entry];
        Raise(new ReportSubmitted(ParentTenantId, RequestId, SlotId, TenantId, Id, Sequence, State, Revision, SubmittedAt, SubmittedLate,
            [.. Indicators.Select(Copy)], [.. Sections.Select(s => new ReportSection { Title = s.Title, Guidance = s.Guidance, Text = s.Text })],
            [.. subtreeCells], subtreeUnits, Signature, entry));
    }

    /// <summary>The parent's return, applied here in the parent's transaction.</summary>
    public void Return(string comment, DateTimeOffset now, string actorName, string unitName)
    {
        if (State != ReportState.Submitted) throw new DomainRuleException("state", "Chỉ trả lại báo cáo đã gửi.");
        State = ReportState.Returned;
        LastComment = comment;
        ApprovedBy = null;
        ApprovedAt = null;
        Sequence++;
        UpdatedAt = now;
        History = [.. History, new ReportEntry { Kind = ReportEntryKind.Returned, At = now, ActorName = actorName, UnitName = unitName, Comment = comment, Revision = Revision }];
    }

    public void Forwarded(Guid requestId, DateTimeOffset now, string actorName, string unitName, string childrenNames)
    {
        if (ForwardedRequestId is not null) throw new DomainRuleException("report", "Yêu cầu này đã được chuyển cho các đơn vị trực thuộc.");
        ForwardedRequestId = requestId;
        UpdatedAt = now;
        History = [.. History, new ReportEntry { Kind = ReportEntryKind.Forwarded, At = now, ActorName = actorName, UnitName = unitName, Comment = childrenNames }];
    }

    private static ReportIndicator Copy(ReportIndicator i) => new()
    {
        Key = i.Key, Name = i.Name, Unit = i.Unit, Rule = i.Rule, IndicatorCode = i.IndicatorCode, Computed = i.Computed, Value = i.Value, CorrectionNote = i.CorrectionNote,
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// The parent's record of one child for one request (in the parent's tenant): where the child's report stands and a
/// copy of what it submitted, with the figures of its whole subtree, from the child's events.
/// </summary>
public sealed class ReportSlot : Entity, ITenantOwned, IVersioned
{
    private ReportSlot() { }

    public ReportSlot(ReportRequest request, Guid childTenantId, string childCode, string childName)
    {
        RequestId = request.Id;
        ChildTenantId = childTenantId;
        ChildCode = childCode;
        ChildName = childName;
        ChildReportId = Guid.CreateVersion7();
        Deadline = request.Deadline;
        State = ReportState.Draft;
        UpdatedAt = request.SentAt;
    }

    public Guid TenantId { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid ChildTenantId { get; private set; }
    public string ChildCode { get; private set; } = "";
    public string ChildName { get; private set; } = "";
    public Guid ChildReportId { get; private set; }
    public DateOnly Deadline { get; private set; }
    /// <summary>Draft until a submission arrives (the parent never sees the child's drafts or approvals).</summary>
    public ReportState State { get; private set; }
    public int Revision { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public bool SubmittedLate { get; private set; }
    public string? LastComment { get; private set; }
    public List<ReportIndicator> Indicators { get; private set; } = [];
    public List<ReportSection> Sections { get; private set; } = [];
    /// <summary>The child's own figures and those of every unit below it that reported to it, as submitted.</summary>
    public List<AggregateCell> SubtreeCells { get; private set; } = [];
    public int SubtreeUnits { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string? Place { get; private set; }
    public string? SignerName { get; private set; }
    public string? SignerCapacity { get; private set; }
    public List<ReportEntry> History { get; private set; } = [];
    public int Sequence { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public ReportSignature Signature => new(DocumentNumber, Place, SignerName, SignerCapacity);
    public bool IsSubmitted => State == ReportState.Submitted;

    /// <summary>Takes the child's submission unless an equal or newer state (or a return after it) is already known.</summary>
    public bool Apply(ReportSubmitted r)
    {
        if (r.Sequence <= Sequence) return false;
        Sequence = r.Sequence;
        State = r.State;
        Revision = r.Revision;
        SubmittedAt = r.SubmittedAt;
        SubmittedLate = r.SubmittedLate;
        Indicators = [.. r.Indicators];
        Sections = [.. r.Sections];
        SubtreeCells = [.. r.SubtreeCells];
        SubtreeUnits = r.SubtreeUnits;
        DocumentNumber = r.Signature.DocumentNumber;
        Place = r.Signature.Place;
        SignerName = r.Signature.SignerName;
        SignerCapacity = r.Signature.SignerCapacity;
        UpdatedAt = r.Entry.At;
        History = [.. History, r.Entry];
        return true;
    }

    public void CheckReturn(string? comment)
    {
        if (State != ReportState.Submitted) throw new DomainRuleException("state", "Chỉ trả lại báo cáo đã gửi.");
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainRuleException("comment", "Hãy nêu nội dung yêu cầu chỉnh sửa.");
    }

    /// <summary>Trả lại: the figures stay visible but no longer count in the aggregates until resubmitted.</summary>
    public void Return(string comment, DateTimeOffset now, string actorName, string unitName, int childSequence)
    {
        CheckReturn(comment);
        State = ReportState.Returned;
        LastComment = comment;
        Sequence = Math.Max(Sequence, childSequence);
        UpdatedAt = now;
        History = [.. History, new ReportEntry { Kind = ReportEntryKind.Returned, At = now, ActorName = actorName, UnitName = unitName, Comment = comment, Revision = Revision }];
    }

    public ReportBoardStatus StatusOn(DateOnly today) => ReportRules.BoardStatusOf(State, SubmittedLate, Deadline, today);
}

public static class ReportRules
{
    /// <summary>A submission on the deadline day is on time; any later day is late.</summary>
    public static bool IsLate(DateOnly submittedOn, DateOnly deadline) => submittedOn > deadline;

    public static ReportBoardStatus BoardStatusOf(ReportState state, bool submittedLate, DateOnly deadline, DateOnly today) => state switch
    {
        ReportState.Submitted => submittedLate ? ReportBoardStatus.Late : ReportBoardStatus.OnTime,
        ReportState.Returned => ReportBoardStatus.Returned,
        _ => today > deadline ? ReportBoardStatus.Overdue : ReportBoardStatus.NotSubmitted,
    };

    public static void CheckTemplate(string name, IReadOnlyList<TemplateSection> sections, IReadOnlyList<TemplateIndicator> indicators)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("name", "Hãy nhập tên mẫu báo cáo.");
        if (name.Length > ReportTemplate.NameMaxLength) throw new DomainRuleException("name", "Tên mẫu quá dài.");
        if (sections.Count == 0 && indicators.Count == 0) throw new DomainRuleException("sections", "Mẫu báo cáo cần ít nhất một phần nội dung hoặc một chỉ tiêu.");
        if (sections.Count > ReportTemplate.MaxSections) throw new DomainRuleException("sections", $"Tối đa {ReportTemplate.MaxSections} phần nội dung.");
        if (indicators.Count > ReportTemplate.MaxIndicators) throw new DomainRuleException("indicators", $"Tối đa {ReportTemplate.MaxIndicators} chỉ tiêu.");
        for (var i = 0; i < sections.Count; i++)
            if (string.IsNullOrWhiteSpace(sections[i].Title)) throw new DomainRuleException($"sections[{i}].title", "Hãy nhập tên phần nội dung.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            if (string.IsNullOrWhiteSpace(x.Name)) throw new DomainRuleException($"indicators[{i}].name", "Hãy nhập tên chỉ tiêu.");
            if (string.IsNullOrWhiteSpace(x.Unit)) throw new DomainRuleException($"indicators[{i}].unit", "Hãy nhập đơn vị tính.");
            if (!Enum.IsDefined(x.Rule)) throw new DomainRuleException($"indicators[{i}].rule", "Cách tổng hợp không hợp lệ.");
            if (!string.IsNullOrWhiteSpace(x.Key) && !keys.Add(x.Key)) throw new DomainRuleException($"indicators[{i}].key", "Mã chỉ tiêu bị trùng.");
        }
    }

    public static void CheckDraft(Report report, ReportDraft draft)
    {
        if (draft.SectionTexts.Count > report.Sections.Count) throw new DomainRuleException("sections", "Số phần nội dung không khớp với mẫu.");
        for (var s = 0; s < draft.SectionTexts.Count; s++)
            if (draft.SectionTexts[s] is { Length: > Report.TextMaxLength }) throw new DomainRuleException($"sections[{s}].text", "Nội dung quá dài.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < draft.Figures.Count; f++)
        {
            var figure = draft.Figures[f];
            var indicator = report.Indicators.FirstOrDefault(i => i.Key == figure.Key)
                ?? throw new DomainRuleException($"indicators[{f}].key", "Chỉ tiêu không có trong mẫu báo cáo.");
            if (!seen.Add(figure.Key)) throw new DomainRuleException($"indicators[{f}].key", "Chỉ tiêu bị nhập hai lần.");
            if (figure.Value < 0) throw new DomainRuleException($"indicators[{f}].value", "Số liệu không được âm.");
            if (indicator.Rule == AggregationRule.CountYes && figure.Value is not (null or 0 or 1))
                throw new DomainRuleException($"indicators[{f}].value", "Chỉ tiêu có/không: nhập 1 (có) hoặc 0 (không).");
            if (indicator.IndicatorCode is not null && indicator.Computed != figure.Value && string.IsNullOrWhiteSpace(figure.Note))
                throw new DomainRuleException($"indicators[{f}].note", "Số liệu khác số liệu hệ thống tự tổng hợp: hãy ghi rõ lý do điều chỉnh.");
            if (figure.Note is { Length: > Report.NoteMaxLength }) throw new DomainRuleException($"indicators[{f}].note", "Ghi chú quá dài.");
        }
    }
}
