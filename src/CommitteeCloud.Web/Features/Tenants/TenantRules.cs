using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>The validation rules of a tenant's fields, the same wherever a tenant is created or described.</summary>
public static class TenantRules
{
    public static IRuleBuilderOptions<T, string> TenantCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(Tenant.CodeMaxLength)
            .Must(Tenant.IsValidCode).WithMessage("Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu '-' (2–64 ký tự).");

    public static IRuleBuilderOptions<T, string> TenantName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(Tenant.NameMaxLength);

    public static IRuleBuilderOptions<T, string> LevelLabel<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(64);
}
