using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Models;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// One unit's model as the units above it may see it: what it is, how far along the funnel it went, and its detail
/// (registration fields and journal) as the unit last saved it. Written only from the unit's own
/// <see cref="ModelChanged"/> events; PostgreSQL lets a session read the nodes of its own subtree only, so a parent
/// sees its children's models and a sibling never does.
/// </summary>
public sealed class ModelNode : ISubtreeReadModel
{
    public Guid ModelId { get; set; }
    public Guid TenantId { get; set; }
    public string Path { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int Year { get; set; }
    public string Name { get; set; } = "";
    public ModelField Field { get; set; }
    public bool IsCollective { get; set; }
    public string? PersonName { get; set; }
    public ModelStatus Status { get; set; }
    public bool Surveyed { get; set; }
    public RecognitionLevel? RecognitionLevel { get; set; }
    public bool IsTypical { get; set; }
    public bool ProposedForAward { get; set; }
    public FunnelStage Stage { get; set; }
    public Guid? OriginalModelId { get; set; }
    public string? OriginalUnitName { get; set; }
    public int ReplicationCount { get; set; }

    /// <summary>The model's detail (<see cref="ModelDetail"/>) as JSON: what an ancestor's model page shows.</summary>
    public string Detail { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
}
