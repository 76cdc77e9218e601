namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>
/// Every request acts in the current tenant and needs this permission there. A caller who is not a member of the
/// tenant gets a 404 (they learn nothing of it); a member without the permission gets a 403.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequirePermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}

/// <summary>A signed-in person acting on their own things (their tenants, their inbox): no tenant permission.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PersonalRequestAttribute : Attribute;

/// <summary>Only a platform operator (creates root tenants).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PlatformRequestAttribute : Attribute;

/// <summary>The access rule a request declared, read once per request type.</summary>
public static class AccessRule<TMessage>
{
    public static readonly string? Permission =
        (Attribute.GetCustomAttribute(typeof(TMessage), typeof(RequirePermissionAttribute)) as RequirePermissionAttribute)?.Permission;

    public static readonly bool Personal = Attribute.IsDefined(typeof(TMessage), typeof(PersonalRequestAttribute));

    public static readonly bool Platform = Attribute.IsDefined(typeof(TMessage), typeof(PlatformRequestAttribute));
}
