using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Domain.Models;

/// <summary>Lĩnh vực of a model.</summary>
public enum ModelField
{
    /// <summary>Kinh tế.</summary>
    Economy,
    /// <summary>Văn hóa - xã hội.</summary>
    CultureSociety,
    /// <summary>Quốc phòng - an ninh.</summary>
    DefenceSecurity,
    /// <summary>Xây dựng hệ thống chính trị.</summary>
    PoliticalSystem,
}

/// <summary>Cấp công nhận.</summary>
public enum RecognitionLevel
{
    /// <summary>Cấp đơn vị.</summary>
    Unit,
    /// <summary>Cấp xã.</summary>
    Commune,
    /// <summary>Cấp tỉnh.</summary>
    Province,
    /// <summary>Cấp Trung ương.</summary>
    Central,
}

public enum ModelStatus
{
    /// <summary>Đang thực hiện.</summary>
    Active,
    /// <summary>Dừng (không hiệu quả).</summary>
    Dropped,
    /// <summary>Tiếp tục sang năm sau (a new model of the next year carries it on).</summary>
    Continued,
}

/// <summary>The furthest step a model reached: registered → surveyed → recognized → typical → proposed.</summary>
public enum FunnelStage { Registered, Surveyed, Recognized, Typical, Proposed }

public enum ModelEntryKind { Registered, Progress, Surveyed, Recognized, Typical, Proposed, Dropped, Continued, Replicated }

/// <summary>One entry of a model's journal (tiến độ, khảo sát, công nhận ...), with evidence files for progress.</summary>
public sealed class ModelEntry
{
    public Guid EntryId { get; set; } = Guid.CreateVersion7();
    public ModelEntryKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string AuthorName { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string? Text { get; set; }
    public DateOnly? SurveyDate { get; set; }
    public string? Findings { get; set; }
    public string? Assessment { get; set; }
    public List<AttachedFile> Files { get; set; } = [];
}

/// <summary>A unit that took this model up (nhân rộng), as the original's unit sees it.</summary>
public sealed class ModelReplication
{
    public Guid ModelId { get; set; }
    public Guid TenantId { get; set; }
    public string UnitName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>What a unit registers about a model: the fields the "Dân vận khéo" registration forms use.</summary>
public sealed record ModelContent(
    string Name, ModelField Field, bool IsCollective, string? PersonName, string? PersonPosition, string? Situation, string? Goals,
    string? ContentAndMethod, string? AreaAndBeneficiaries, string? Forces, string? Resources, DateOnly? From, DateOnly? To, string? Outputs,
    string? Sustainability);

/// <summary>
/// Mô hình "Dân vận khéo": built by one unit (its tenant) in one year. The unit reports progress with evidence; the
/// units above survey it (Ban Dân vận khảo sát), recognize it at a level, name it typical and propose it for awards.
/// Good models continue into the next year and are replicated by other units; ineffective ones are dropped.
/// </summary>
public sealed class MassMobilizationModel : Entity, ITenantOwned, IVersioned
{
    public const int NameMaxLength = 500;
    public const int TextMaxLength = 4000;

    private MassMobilizationModel() { }

    public MassMobilizationModel(int year, ModelContent content, string authorName, string unitName, DateTimeOffset now)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("year", "Năm không hợp lệ.");
        Year = year;
        Apply(content);
        Status = ModelStatus.Active;
        CreatedAt = now;
        Journal.Add(new ModelEntry { Kind = ModelEntryKind.Registered, At = now, AuthorName = authorName, UnitName = unitName, Text = "Đăng ký mô hình." });
        Touch(now);
    }

    public Guid TenantId { get; private set; }
    public int Year { get; private set; }
    public string Name { get; private set; } = "";
    public ModelField Field { get; private set; }
    /// <summary>Tập thể (true) hay cá nhân (then the person's name and position).</summary>
    public bool IsCollective { get; private set; } = true;
    public string? PersonName { get; private set; }
    public string? PersonPosition { get; private set; }
    /// <summary>Sự cần thiết, lý do xây dựng.</summary>
    public string? Situation { get; private set; }
    /// <summary>Mục tiêu, tiêu chí đánh giá.</summary>
    public string? Goals { get; private set; }
    /// <summary>Nội dung, cách làm.</summary>
    public string? ContentAndMethod { get; private set; }
    /// <summary>Địa bàn, đối tượng thụ hưởng.</summary>
    public string? AreaAndBeneficiaries { get; private set; }
    /// <summary>Lực lượng chủ trì, phối hợp.</summary>
    public string? Forces { get; private set; }
    /// <summary>Nguồn lực.</summary>
    public string? Resources { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    /// <summary>Sản phẩm, kết quả kiểm chứng được.</summary>
    public string? Outputs { get; private set; }
    /// <summary>Tính bền vững, khả năng nhân rộng.</summary>
    public string? Sustainability { get; private set; }

    public ModelStatus Status { get; private set; }
    public DateOnly? SurveyedOn { get; private set; }
    public RecognitionLevel? RecognitionLevel { get; private set; }
    public string? RecognizedBy { get; private set; }
    public DateTimeOffset? RecognizedAt { get; private set; }
    public bool IsTypical { get; private set; }
    public bool ProposedForAward { get; private set; }
    public string? AwardProposal { get; private set; }

    /// <summary>Last year's model this one continues.</summary>
    public Guid? PreviousModelId { get; private set; }
    /// <summary>Next year's model continuing this one.</summary>
    public Guid? NextModelId { get; private set; }

    /// <summary>The model this one replicates (in another unit).</summary>
    public Guid? OriginalModelId { get; private set; }
    public Guid? OriginalTenantId { get; private set; }
    public string? OriginalUnitName { get; private set; }
    public List<ModelReplication> Replications { get; private set; } = [];
    public List<ModelEntry> Journal { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public FunnelStage Stage => ModelRules.StageOf(SurveyedOn is not null, RecognitionLevel is not null, IsTypical, ProposedForAward);

    public void Edit(ModelContent content, DateTimeOffset now)
    {
        RequireActive();
        Apply(content);
        Touch(now);
    }

    public void ReportProgress(string text, IReadOnlyList<AttachedFile> files, DateTimeOffset now, string authorName, string unitName)
    {
        RequireActive();
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("text", "Hãy nhập nội dung tiến độ.");
        AddEntry(new ModelEntry { Kind = ModelEntryKind.Progress, At = now, AuthorName = authorName, UnitName = unitName, Text = text.Trim(), Files = [.. files] });
        Touch(now);
    }

    /// <summary>Khảo sát of the Ban Dân vận above: date, findings, assessment.</summary>
    public void RecordSurvey(DateOnly date, string findings, string assessment, DateTimeOffset now, string authorName, string unitName)
    {
        RequireActive();
        if (string.IsNullOrWhiteSpace(findings)) throw new DomainRuleException("findings", "Hãy nhập kết quả khảo sát.");
        if (string.IsNullOrWhiteSpace(assessment)) throw new DomainRuleException("assessment", "Hãy nhập đánh giá.");
        SurveyedOn = SurveyedOn is { } earlier && earlier < date ? earlier : date;
        AddEntry(new ModelEntry
        {
            Kind = ModelEntryKind.Surveyed, At = now, AuthorName = authorName, UnitName = unitName, SurveyDate = date, Findings = findings.Trim(),
            Assessment = assessment.Trim(),
        });
        Touch(now);
    }

    public void Recognize(RecognitionLevel level, string? comment, DateTimeOffset now, string authorName, string unitName)
    {
        RequireActive();
        if (SurveyedOn is null) throw new DomainRuleException("level", "Mô hình cần được khảo sát trước khi công nhận.");
        RecognitionLevel = level;
        RecognizedBy = unitName;
        RecognizedAt = now;
        AddEntry(new ModelEntry { Kind = ModelEntryKind.Recognized, At = now, AuthorName = authorName, UnitName = unitName, Text = comment, Assessment = level.ToString() });
        Touch(now);
    }

    public void MarkTypical(string? comment, DateTimeOffset now, string authorName, string unitName)
    {
        RequireActive();
        if (RecognitionLevel is null) throw new DomainRuleException("decision", "Chỉ mô hình đã được công nhận mới được chọn làm điển hình.");
        IsTypical = true;
        AddEntry(new ModelEntry { Kind = ModelEntryKind.Typical, At = now, AuthorName = authorName, UnitName = unitName, Text = comment });
        Touch(now);
    }

    public void ProposeForAward(string proposal, DateTimeOffset now, string authorName, string unitName)
    {
        RequireActive();
        if (!IsTypical) throw new DomainRuleException("decision", "Chỉ đề nghị khen thưởng mô hình điển hình.");
        if (string.IsNullOrWhiteSpace(proposal)) throw new DomainRuleException("comment", "Hãy nêu hình thức đề nghị khen thưởng.");
        ProposedForAward = true;
        AwardProposal = proposal.Trim();
        AddEntry(new ModelEntry { Kind = ModelEntryKind.Proposed, At = now, AuthorName = authorName, UnitName = unitName, Text = AwardProposal });
        Touch(now);
    }

    public void Drop(string reason, DateTimeOffset now, string authorName, string unitName)
    {
        RequireActive();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("reason", "Hãy nêu lý do dừng mô hình.");
        Status = ModelStatus.Dropped;
        AddEntry(new ModelEntry { Kind = ModelEntryKind.Dropped, At = now, AuthorName = authorName, UnitName = unitName, Text = reason.Trim() });
        Touch(now);
    }

    /// <summary>Tiếp tục sang năm sau: a new model for <see cref="Year"/> + 1, linked both ways.</summary>
    public MassMobilizationModel ContinueIntoNextYear(DateTimeOffset now, string authorName, string unitName)
    {
        RequireActive();
        var next = new MassMobilizationModel(Year + 1, ContentOf(), authorName, unitName, now) { PreviousModelId = Id };
        next.Journal[0].Text = $"Tiếp tục từ mô hình năm {Year}.";
        NextModelId = next.Id;
        Status = ModelStatus.Continued;
        AddEntry(new ModelEntry { Kind = ModelEntryKind.Continued, At = now, AuthorName = authorName, UnitName = unitName, Text = $"Tiếp tục sang năm {Year + 1}." });
        Touch(now);
        return next;
    }

    /// <summary>Nhân rộng: a new model in the replicating unit, linked to the original in another unit.</summary>
    public static MassMobilizationModel ReplicaOf(int year, ModelContent original, Guid originalId, Guid originalTenantId, string originalUnitName,
        DateTimeOffset now, string authorName, string unitName)
    {
        var replica = new MassMobilizationModel(year, original, authorName, unitName, now)
        {
            OriginalModelId = originalId, OriginalTenantId = originalTenantId, OriginalUnitName = originalUnitName,
        };
        replica.Journal[0].Text = $"Nhân rộng mô hình của {originalUnitName}.";
        return replica;
    }

    /// <summary>Another unit took this model up (idempotent per replica).</summary>
    public bool AddReplication(Guid replicaId, Guid tenantId, string unitName, DateTimeOffset at)
    {
        if (Replications.Any(r => r.ModelId == replicaId)) return false;
        Replications = [.. Replications, new ModelReplication { ModelId = replicaId, TenantId = tenantId, UnitName = unitName, At = at }];
        AddEntry(new ModelEntry { Kind = ModelEntryKind.Replicated, At = at, AuthorName = "", UnitName = unitName, Text = $"{unitName} nhân rộng mô hình." });
        Touch(at);
        return true;
    }

    public ModelContent ContentOf() => new(Name, Field, IsCollective, PersonName, PersonPosition, Situation, Goals, ContentAndMethod,
        AreaAndBeneficiaries, Forces, Resources, From, To, Outputs, Sustainability);

    private void Apply(ModelContent c)
    {
        ModelRules.Check(c);
        Name = c.Name.Trim();
        Field = c.Field;
        IsCollective = c.IsCollective;
        PersonName = c.IsCollective ? null : c.PersonName?.Trim();
        PersonPosition = c.IsCollective ? null : c.PersonPosition?.Trim();
        Situation = c.Situation;
        Goals = c.Goals;
        ContentAndMethod = c.ContentAndMethod;
        AreaAndBeneficiaries = c.AreaAndBeneficiaries;
        Forces = c.Forces;
        Resources = c.Resources;
        From = c.From;
        To = c.To;
        Outputs = c.Outputs;
        Sustainability = c.Sustainability;
    }

    private void RequireActive()
    {
        if (Status != ModelStatus.Active)
            throw new DomainRuleException("status", Status == ModelStatus.Dropped ? "Mô hình đã dừng." : "Mô hình đã chuyển sang năm sau.");
    }

    // Reassigning the list makes EF see the JSON column changed.
    private void AddEntry(ModelEntry entry) => Journal = [.. Journal, entry];

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Raise(new ModelChanged(Id));
    }
}

/// <summary>A model row changed: its subtree node is refreshed and the units above are told live.</summary>
public sealed record ModelChanged(Guid ModelId) : IDomainEvent;

/// <summary>Another unit replicated a model: handled in the original model's tenant.</summary>
public sealed record ModelReplicated(Guid TargetTenantId, Guid OriginalModelId, Guid ReplicaModelId, Guid ReplicaTenantId, string ReplicaUnitName)
    : IRoutedEvent;

public static class ModelRules
{
    public static FunnelStage StageOf(bool surveyed, bool recognized, bool typical, bool proposed) =>
        proposed ? FunnelStage.Proposed : typical ? FunnelStage.Typical : recognized ? FunnelStage.Recognized
        : surveyed ? FunnelStage.Surveyed : FunnelStage.Registered;

    public static void Check(ModelContent c)
    {
        if (string.IsNullOrWhiteSpace(c.Name)) throw new DomainRuleException("name", "Hãy nhập tên mô hình.");
        if (c.Name.Length > MassMobilizationModel.NameMaxLength) throw new DomainRuleException("name", "Tên mô hình quá dài.");
        if (!Enum.IsDefined(c.Field)) throw new DomainRuleException("field", "Lĩnh vực không hợp lệ.");
        if (!c.IsCollective && string.IsNullOrWhiteSpace(c.PersonName))
            throw new DomainRuleException("personName", "Mô hình cá nhân cần ghi họ tên người thực hiện.");
        if (c.From is { } from && c.To is { } to && to < from) throw new DomainRuleException("to", "Thời gian kết thúc phải sau thời gian bắt đầu.");
    }
}
