using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Components.Shared;

/// <summary>How the kinds of organization are called in Vietnamese.</summary>
public static class TenantKindNames
{
    public static string Of(TenantKind kind) => kind switch
    {
        TenantKind.PartyCommittee => "Cấp ủy đảng",
        TenantKind.PartyGroup => "Đảng đoàn / Ban cán sự đảng",
        TenantKind.MassMobilizationBoard => "Ban Dân vận",
        TenantKind.GrassrootsCommittee => "Đảng ủy cơ sở",
        TenantKind.Cell => "Chi bộ",
        TenantKind.FatherlandFront => "Mặt trận Tổ quốc, đoàn thể",
        TenantKind.StateAgency => "Cơ quan nhà nước",
        _ => kind.ToString(),
    };
}
