using System.Security.Claims;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>The permissions a person holds in a tenant: the union of their roles' bundles. Read once per scope.</summary>
public sealed class PermissionService(AppDbContext db, ITenantContext context)
{
    // The same read as GetAsync's query (filtered by tenant here, and by row-level security), for the batch below.
    private const string BundlesSql =
        "SELECT r.permissions FROM memberships m LEFT JOIN tenant_roles r ON r.tenant_id = m.tenant_id AND r.id = ANY (m.role_ids) " +
        "WHERE m.tenant_id = $1 AND m.user_id = $2";

    // What was read for whom: a null set is "not a member", remembered too, so the check after a batch that found no
    // membership does not ask again.
    private HashSet<string>? _permissions;
    private (Guid, Guid)? _readFor;

    /// <summary>Null when the person is not a member of the tenant.</summary>
    public async ValueTask<IReadOnlySet<string>?> GetAsync(Guid tenantId, Guid userId, CancellationToken ct)
    {
        if (_readFor == (tenantId, userId)) return _permissions;
        if (context.Tenant?.Id != tenantId) throw new InvalidOperationException("Permissions are read in the current tenant only.");
        // One round trip, read on every request: no row when not a member, one row without a bundle when a member
        // holds no role.
        var bundles = await (
            from m in db.Memberships
            where m.UserId == userId
            from r in db.TenantRoles.Where(r => m.RoleIds.Contains(r.Id)).DefaultIfEmpty()
            select r == null ? null : r.Permissions).ToListAsync(ct);
        return Remember(tenantId, userId, bundles);
    }

    /// <summary>
    /// On a connection just opened without its tenant session, sends the session settings and reads the caller's
    /// permissions in one round trip, so that the request's permission check costs no trip of its own. The settings
    /// go first in the batch, so the read is already under row-level security for the tenant.
    /// </summary>
    public async ValueTask SendSessionAndReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var (tenantId, userId) = (context.Tenant!.Id, context.UserId!.Value);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(TenantSessionInterceptor.PositionalSql) { Parameters = { new() { Value = tenantId.ToString() }, new() { Value = userId.ToString() } } },
                new NpgsqlBatchCommand(BundlesSql) { Parameters = { new() { Value = tenantId }, new() { Value = userId } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var bundles = new List<List<string>?>();
        while (await reader.ReadAsync(ct)) bundles.Add(await reader.IsDBNullAsync(0, ct) ? null : reader.GetFieldValue<List<string>>(0));
        Remember(tenantId, userId, bundles);
    }

    private HashSet<string>? Remember(Guid tenantId, Guid userId, List<List<string>?> bundles)
    {
        _permissions = bundles.Count == 0 ? null : bundles.Where(p => p is not null).SelectMany(p => p!).ToHashSet();
        _readFor = (tenantId, userId);
        return _permissions;
    }
}

/// <summary>The signed-in person of this scope, read from their claims.</summary>
public sealed class CurrentUser
{
    public ClaimsPrincipal? Principal { get; set; }
    public bool IsPlatformOperator => Principal.IsPlatformOperator();
}
