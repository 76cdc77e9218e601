using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using System.Text.Json;
using CommitteeCloud.Domain.Models;

namespace CommitteeCloud.Web.Features.Models;

public sealed record ModelFileDto(Guid FileId, string FileName, long Size, string ContentType);

public sealed record ModelEntryDto(Guid Id, ModelEntryKind Kind, DateTimeOffset At, string AuthorName, string UnitName, string? Text, DateOnly? SurveyDate,
    string? Findings, string? Assessment, IReadOnlyList<ModelFileDto> Files);

public sealed record ModelReplicationDto(Guid ModelId, string UnitName, DateTimeOffset At);

/// <summary>A model as its unit holds it; ancestors read the same shape from the subtree read model.</summary>
public sealed record ModelDetail(
    Guid Id, Guid TenantId, string UnitCode, string UnitName, int Year, ModelContent Content, ModelStatus Status, FunnelStage Stage,
    DateOnly? SurveyedOn, RecognitionLevel? RecognitionLevel, string? RecognizedBy, bool IsTypical, bool ProposedForAward, string? AwardProposal,
    Guid? PreviousModelId, Guid? NextModelId, Guid? OriginalModelId, string? OriginalUnitName, IReadOnlyList<ModelReplicationDto> Replications,
    IReadOnlyList<ModelEntryDto> Journal, uint Version)
{
    /// <summary>What the caller may do: filled per request (own unit: report, drop, continue; an ancestor: survey, recognize ...).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Whether the caller's unit holds the model (its files can be opened) or reads it from below.</summary>
    public bool Own { get; init; }

    public static ModelDetail From(MassMobilizationModel m, string unitCode, string unitName) => new(
        m.Id, m.TenantId, unitCode, unitName, m.Year, m.ContentOf(), m.Status, m.Stage, m.SurveyedOn, m.RecognitionLevel, m.RecognizedBy, m.IsTypical,
        m.ProposedForAward, m.AwardProposal, m.PreviousModelId, m.NextModelId, m.OriginalModelId, m.OriginalUnitName,
        [.. m.Replications.Select(r => new ModelReplicationDto(r.ModelId, r.UnitName, r.At))],
        [.. m.Journal.Select(e => new ModelEntryDto(e.EntryId, e.Kind, e.At, e.AuthorName, e.UnitName, e.Text, e.SurveyDate, e.Findings, e.Assessment,
            [.. e.Files.Select(f => new ModelFileDto(f.FileId, f.FileName, f.Size, f.ContentType))]))],
        m.Version);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>A line of a model list (own or subtree).</summary>
public sealed record ModelSummary(Guid Id, string UnitCode, string UnitName, int Year, string Name, ModelField Field, bool IsCollective, string? PersonName,
    ModelStatus Status, FunnelStage Stage, RecognitionLevel? RecognitionLevel, bool IsTypical, bool ProposedForAward, string? OriginalUnitName,
    int ReplicationCount, bool Own)
{
    public static ModelSummary From(ModelNode n, Guid viewerTenantId) => new(n.ModelId, n.UnitCode, n.UnitName, n.Year, n.Name, n.Field, n.IsCollective,
        n.PersonName, n.Status, n.Stage, n.RecognitionLevel, n.IsTypical, n.ProposedForAward, n.OriginalUnitName, n.ReplicationCount,
        n.TenantId == viewerTenantId);
}

/// <summary>Phễu mô hình: how many models of the subtree reached each step (a model counts in every step it passed).</summary>
public sealed record ModelFunnel(int Year, int Registered, int Surveyed, int Recognized, int Typical, int Proposed, int Dropped, int Replicated,
    IReadOnlyList<UnitFunnel> Units);

public sealed record UnitFunnel(string UnitCode, string UnitName, int Registered, int Surveyed, int Recognized, int Typical, int Proposed);

public static class ModelActions
{
    public const string Progress = "progress";
    public const string Edit = "edit";
    public const string Drop = "drop";
    public const string Continue = "continue";
    public const string Survey = "survey";
    public const string Recognize = "recognize";
    public const string Typical = "typical";
    public const string Propose = "propose";
    public const string Replicate = "replicate";

    public static IReadOnlyList<string> For(ModelDetail m, bool own, bool canReport, bool canManage)
    {
        var actions = new List<string>();
        if (m.Status != ModelStatus.Active) return own || !canReport ? actions : [Replicate];
        if (own && canReport) actions.AddRange([Progress, Drop, Continue]);
        if (!own && canManage)
        {
            actions.Add(Survey);
            if (m.SurveyedOn is not null) actions.Add(Recognize);
            if (m.RecognitionLevel is not null && !m.IsTypical) actions.Add(Typical);
            if (m.IsTypical && !m.ProposedForAward) actions.Add(Propose);
        }
        if (!own && canReport) actions.Add(Replicate);
        return actions;
    }
}
