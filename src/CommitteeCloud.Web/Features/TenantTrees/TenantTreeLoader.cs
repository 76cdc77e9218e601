using System.Text.Json;
using System.Text.Json.Serialization;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Tenants;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommitteeCloud.Web.Features.TenantTrees;

/// <summary>A tree of tenants, the people in it and their roles, as kept in <c>tenants/*.json</c>.</summary>
public sealed record TenantTreeFile(List<PersonSpec> People, List<TenantSpec> Tenants);

public sealed record PersonSpec(string UserName, string FullName, string Email, string Password, bool PlatformOperator = false);

public sealed record TenantSpec(string Code, string Name, TenantKind Kind, string Level, string? Parent, List<MemberSpec>? Members);

public sealed record MemberSpec(string User, string[] Roles, string? Position);

public sealed record TenantTreeResult(int PeopleCreated, int TenantsCreated, int MembershipsCreated);

public sealed class TenantTreeFileException(string message) : Exception(message);

/// <summary>
/// Applies a tenant tree file in one transaction: what exists (by user name, tenant code, membership) is left as
/// it is, what is missing is created, so applying the same file twice changes nothing. A file error names the
/// file, line and field and nothing is written.
/// </summary>
public static class TenantTreeLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static async Task<TenantTreeResult> ApplyFileAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        TenantTreeFile file;
        try
        {
            await using var stream = File.OpenRead(path);
            file = await JsonSerializer.DeserializeAsync<TenantTreeFile>(stream, Json, ct)
                   ?? throw new TenantTreeFileException($"{path}: the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new TenantTreeFileException($"{path}:{(ex.LineNumber ?? 0) + 1}: {ex.Path}: {ex.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new TenantTreeFileException($"{path}: no such file.");
        }
        return await ApplyAsync(services, file, path, ct);
    }

    public static async Task<TenantTreeResult> ApplyAsync(IServiceProvider services, TenantTreeFile file, string source, CancellationToken ct)
    {
        Validate(file, source);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ITenantContext>().Set(null, null);
        sp.GetRequiredService<AuditScope>().Operation = "tenants-apply";
        var db = sp.GetRequiredService<AppDbContext>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var provisioner = sp.GetRequiredService<TenantProvisioner>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var afterCommit = sp.GetRequiredService<AfterCommit>();
        int people = 0, tenants = 0, memberships = 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var byUserName = new Dictionary<string, User>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in file.People)
        {
            var user = await users.FindByNameAsync(person.UserName);
            if (user is null)
            {
                user = new User
                {
                    UserName = person.UserName, Email = person.Email, EmailConfirmed = true,
                    FullName = person.FullName, IsPlatformOperator = person.PlatformOperator, CreatedAt = clock.GetUtcNow(),
                };
                var created = await users.CreateAsync(user, person.Password);
                if (!created.Succeeded)
                    throw new TenantTreeFileException($"{source}: people[{person.UserName}]: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                people++;
            }
            byUserName[person.UserName] = user;
        }

        foreach (var spec in file.Tenants)
        {
            var code = Tenant.NormalizeCode(spec.Code);
            var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Code == code, ct);
            if (tenant is null)
            {
                var now = clock.GetUtcNow();
                if (spec.Parent is null)
                {
                    tenant = Tenant.CreateRoot(code, spec.Name, spec.Kind, spec.Level, now);
                }
                else
                {
                    var parentCode = Tenant.NormalizeCode(spec.Parent);
                    var parent = db.Tenants.Local.FirstOrDefault(t => t.Code == parentCode)
                                 ?? await db.Tenants.FirstOrDefaultAsync(t => t.Code == parentCode, ct)
                                 ?? throw new TenantTreeFileException($"{source}: tenants[{spec.Code}].parent: no tenant '{spec.Parent}'.");
                    tenant = parent.CreateChild(code, spec.Name, spec.Kind, spec.Level, now);
                }
                await provisioner.ProvisionAsync(tenant, null, null, ct);
                tenants++;
            }

            if (spec.Members is not { Count: > 0 }) continue;
            await using (await db.ActInTenantAsync(TenantInfo.From(tenant), ct))
            {
                var roles = await db.TenantRoles.ToListAsync(ct);
                foreach (var member in spec.Members)
                {
                    var user = byUserName.GetValueOrDefault(member.User) ?? await users.FindByNameAsync(member.User)
                        ?? throw new TenantTreeFileException($"{source}: tenants[{spec.Code}].members[{member.User}]: no such person.");
                    if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct)) continue;
                    var granted = roles.Where(r => member.Roles.Contains(r.Name)).ToList();
                    if (granted.Count != member.Roles.Distinct().Count())
                        throw new TenantTreeFileException($"{source}: tenants[{spec.Code}].members[{member.User}].roles: unknown role among {string.Join(", ", member.Roles)}.");
                    db.Memberships.Add(new Membership(user.Id, member.Position, granted, clock.GetUtcNow()));
                    memberships++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        sp.GetRequiredService<OutboxSignal>().Notify();
        await afterCommit.RunAsync();
        return new TenantTreeResult(people, tenants, memberships);
    }

    private static void Validate(TenantTreeFile file, string source)
    {
        var codes = new HashSet<string>();
        foreach (var (spec, i) in file.Tenants.Select((t, i) => (t, i)))
        {
            if (!Tenant.IsValidCode(spec.Code))
                throw new TenantTreeFileException($"{source}: tenants[{i}].code: '{spec.Code}' is not a valid code (a-z, 0-9, '-').");
            if (!codes.Add(Tenant.NormalizeCode(spec.Code)))
                throw new TenantTreeFileException($"{source}: tenants[{i}].code: '{spec.Code}' appears twice.");
            if (string.IsNullOrWhiteSpace(spec.Name))
                throw new TenantTreeFileException($"{source}: tenants[{i}].name: required.");
        }
        var userNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (person, i) in file.People.Select((p, i) => (p, i)))
        {
            if (!userNames.Add(person.UserName))
                throw new TenantTreeFileException($"{source}: people[{i}].userName: '{person.UserName}' appears twice.");
        }
        foreach (var (spec, i) in file.Tenants.Select((t, i) => (t, i)))
        {
            foreach (var member in spec.Members ?? [])
            {
                foreach (var role in member.Roles)
                {
                    if (!DefaultRoles.Bundles.ContainsKey(role))
                        throw new TenantTreeFileException($"{source}: tenants[{i}].members[{member.User}].roles: unknown role '{role}'.");
                }
            }
        }
    }
}
