using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Tenants;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Outbox;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Features.TenantTrees;

/// <summary>A tree of tenants, the people in it and their roles, as kept in <c>tenants/*.json</c>.</summary>
public sealed record TenantTreeFile(List<PersonSpec> People, List<TenantSpec> Tenants);

/// <summary>
/// A person. <see cref="Password"/> and <see cref="PlatformOperator"/> are used only when the account is created:
/// a file never resets a password nor grants or withdraws the operator's rights.
/// </summary>
public sealed record PersonSpec(string UserName, string FullName, string Email, string Password, bool PlatformOperator = false);

public sealed record TenantSpec(
    string Code, string Name, TenantKind Kind, string Level, string? Parent = null, List<MemberSpec>? Members = null,
    List<LeaderAssignmentSpec>? LeaderAssignments = null);

public sealed record MemberSpec(string User, string[] Roles, string? Position = null);

/// <summary>
/// A written decision assigning the leader in charge of mass-mobilization work (phân công lãnh đạo phụ trách công tác
/// dân vận). Identified by its tenant and <see cref="DecisionNumber"/>: one that exists is a historical record and is
/// left as it is. <see cref="Leader"/> is the user name of a member of the tenant (in the file or the database).
/// </summary>
public sealed record LeaderAssignmentSpec(
    string DecisionNumber, DateOnly DecisionDate, string Signer, string SignerCapacity, string Leader, string Position,
    string Scope, DateOnly EffectiveFrom, DateOnly? EffectiveTo = null);

/// <summary>What one apply did. Nothing created and nothing updated means the database already matched the file.</summary>
public sealed record TenantTreeResult(
    int PeopleCreated, int TenantsCreated, int MembershipsCreated,
    int PeopleUpdated = 0, int TenantsUpdated = 0, int MembershipsUpdated = 0, int LeaderAssignmentsCreated = 0)
{
    public bool HasChanges =>
        PeopleCreated + TenantsCreated + MembershipsCreated + PeopleUpdated + TenantsUpdated + MembershipsUpdated + LeaderAssignmentsCreated > 0;

    public override string ToString() => HasChanges
        ? $"people {PeopleCreated} created, {PeopleUpdated} updated; tenants {TenantsCreated} created, {TenantsUpdated} updated; " +
          $"memberships {MembershipsCreated} created, {MembershipsUpdated} updated; leader assignments {LeaderAssignmentsCreated} created"
        : "Không có thay đổi / no changes";
}

/// <summary>A file that cannot be applied. The message reads <c>file:line: path: what is wrong</c>.</summary>
public sealed class TenantTreeFileException(string message) : Exception(message);

/// <summary>
/// Applies a tenant tree file in one transaction, so that the database matches the file for what the file says:
/// people (by user name), tenants (by code) and memberships (by tenant and person) that are missing are created;
/// those that exist are updated where they differ (a person's full name and e-mail; a tenant's name, kind and level
/// label; a membership's roles and position) and left untouched otherwise, so applying the same file twice changes
/// nothing and writes no audit entry. What the file does not mention is left alone: members present in the
/// database but absent from the file stay members (removing someone is a decision made in the app, with its audit
/// trail, not a side effect of an outdated file). A tenant is never moved by a file either. Leader assignments are
/// matched by tenant and decision number: a missing one is recorded (superseding the tenant's current one for the
/// same scope, oldest first so that a file may hold a history); an existing one is a historical record and is never
/// changed. Any error names the file, line and field, and nothing is written.
/// </summary>
public static partial class TenantTreeLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly JsonReaderOptions Reader = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Every field a file may hold, with <c>[]</c> for any array index; the ones marked required must be there.</summary>
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        [""] = ["people", "tenants"],
        ["people[]"] = ["userName", "fullName", "email", "password"],
        ["tenants[]"] = ["code", "name", "kind", "level"],
        ["tenants[].members[]"] = ["user", "roles"],
        ["tenants[].leaderAssignments[]"] =
            ["decisionNumber", "decisionDate", "signer", "signerCapacity", "leader", "position", "scope", "effectiveFrom"],
    };

    // Exact names, as in the schema: "UserName" would deserialize but is reported rather than half-accepted.
    private static readonly HashSet<string> KnownShapes = new(StringComparer.Ordinal)
    {
        "", "$schema", "people", "people[]", "people[].userName", "people[].fullName", "people[].email", "people[].password",
        "people[].platformOperator", "tenants", "tenants[]", "tenants[].code", "tenants[].name", "tenants[].kind", "tenants[].level",
        "tenants[].parent", "tenants[].members", "tenants[].members[]", "tenants[].members[].user", "tenants[].members[].roles",
        "tenants[].members[].roles[]", "tenants[].members[].position",
        "tenants[].leaderAssignments", "tenants[].leaderAssignments[]", "tenants[].leaderAssignments[].decisionNumber",
        "tenants[].leaderAssignments[].decisionDate", "tenants[].leaderAssignments[].signer",
        "tenants[].leaderAssignments[].signerCapacity", "tenants[].leaderAssignments[].leader",
        "tenants[].leaderAssignments[].position", "tenants[].leaderAssignments[].scope",
        "tenants[].leaderAssignments[].effectiveFrom", "tenants[].leaderAssignments[].effectiveTo",
    };

    public static Task<TenantTreeResult> ApplyFileAsync(IServiceProvider services, string path, CancellationToken ct) =>
        ApplyFileAsync(services, path, path, ct);

    /// <summary>Applies the file at <paramref name="path"/>; errors call it <paramref name="name"/> (as the user wrote it).</summary>
    public static async Task<TenantTreeResult> ApplyFileAsync(IServiceProvider services, string path, string name, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TenantTreeFileException($"{name}: không có tệp này / no such file.");
        }
        var (file, lines) = Parse(bytes, name);
        return await ApplyAsync(services, file, new Source(name, lines), ct);
    }

    /// <summary>Reads and checks a file without touching the database; errors carry the file's line numbers.</summary>
    public static (TenantTreeFile File, JsonLineMap Lines) Parse(byte[] bytes, string name)
    {
        var json = JsonLineMap.WithoutBom(bytes);
        JsonLineMap lines;
        try
        {
            lines = JsonLineMap.Read(json, Reader);
        }
        catch (JsonSyntaxException ex)
        {
            throw new TenantTreeFileException($"{name}:{ex.Line}: {Display(ex.Path)}: JSON không hợp lệ / invalid JSON: {ex.Message}");
        }
        var source = new Source(name, lines);
        CheckShape(source);

        TenantTreeFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TenantTreeFile>(json, Json);
        }
        catch (JsonException ex)
        {
            throw source.Error(ex.Path is null ? "" : FromJsonPath(ex.Path), DescribeBadValue(source, ex));
        }
        if (file is null) throw source.Error("", "tệp rỗng / the file is empty.");
        Validate(file, source);
        return (file, lines);
    }

    /// <summary>Applies a tree built in code (tests, seeding): errors name <paramref name="source"/> and a path, without lines.</summary>
    public static Task<TenantTreeResult> ApplyAsync(IServiceProvider services, TenantTreeFile file, string source, CancellationToken ct)
    {
        var named = new Source(source, JsonLineMap.Empty);
        Validate(file, named);
        return ApplyAsync(services, file, named, ct);
    }

    private static async Task<TenantTreeResult> ApplyAsync(IServiceProvider services, TenantTreeFile file, Source source, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ITenantContext>().Set(null, null);
        sp.GetRequiredService<AuditScope>().Operation = "tenants-apply";
        var db = sp.GetRequiredService<AppDbContext>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var provisioner = sp.GetRequiredService<TenantProvisioner>();
        var store = sp.GetRequiredService<TenantStore>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var afterCommit = sp.GetRequiredService<AfterCommit>();
        var counts = new Counts();
        var renamed = new List<TenantInfo>();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (byUserName, fullNames) = await ApplyPeopleAsync(file, source, db, users, clock, counts, ct);

        var codes = file.Tenants.Select(t => Tenant.NormalizeCode(t.Code))
            .Concat(file.Tenants.Where(t => t.Parent is not null).Select(t => Tenant.NormalizeCode(t.Parent!)))
            .Distinct().ToList();
        var byCode = await db.Tenants.Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, ct);
        foreach (var (spec, i) in file.Tenants.Select((t, i) => (t, i)))
        {
            var at = $"tenants[{i}]";
            var code = Tenant.NormalizeCode(spec.Code);
            Tenant? parent = null;
            if (spec.Parent is not null && !byCode.TryGetValue(Tenant.NormalizeCode(spec.Parent), out parent))
                throw source.Error($"{at}.parent", $"không có đơn vị '{spec.Parent}' / no tenant '{spec.Parent}'.");

            if (byCode.TryGetValue(code, out var tenant))
            {
                if (tenant.ParentId != parent?.Id)
                {
                    var current = tenant.ParentId is { } id ? (await db.Tenants.FirstAsync(t => t.Id == id, ct)).Code : "(gốc / root)";
                    throw source.Error($"{at}.parent", $"'{spec.Code}' hiện thuộc '{current}'; chuyển đơn vị được thực hiện trong ứng dụng / " +
                        $"its parent is '{current}': moving is done in the app.");
                }
                if (UpdateNeeded(tenant, spec))
                {
                    if (db.Entry(tenant).State == EntityState.Detached) db.Tenants.Attach(tenant);
                    await using (await db.ActInTenantAsync(TenantInfo.From(tenant), ct))
                    {
                        // Inside the tenant, so that the change is audited where it happened.
                        tenant.Rename(spec.Name);
                        tenant.ChangeKind(spec.Kind);
                        tenant.ChangeLevelLabel(spec.Level);
                    }
                    renamed.Add(TenantInfo.From(tenant));
                    counts.TenantsUpdated++;
                }
            }
            else
            {
                var now = clock.GetUtcNow();
                tenant = parent is null
                    ? Tenant.CreateRoot(code, spec.Name, spec.Kind, spec.Level, now)
                    : parent.CreateChild(code, spec.Name, spec.Kind, spec.Level, now);
                await provisioner.ProvisionAsync(tenant, null, null, ct);
                byCode[code] = tenant;
                counts.TenantsCreated++;
            }

            if (spec.Members is { Count: > 0 } || spec.LeaderAssignments is { Count: > 0 })
            {
                await using (await db.ActInTenantAsync(TenantInfo.From(tenant), ct))
                {
                    var memberships = await ApplyMembersAsync(spec, at, byUserName, source, db, clock, counts, ct);
                    if (spec.LeaderAssignments is { Count: > 0 })
                        await ApplyLeaderAssignmentsAsync(spec, at, memberships, byUserName, fullNames, source, db, counts, ct);
                }
            }
            // Everything is saved by now; letting go of it keeps each save's change detection small on large files.
            db.ChangeTracker.Clear();
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var info in renamed) store.Invalidate(info);
        sp.GetRequiredService<OutboxSignal>().Notify();
        await afterCommit.RunAsync();
        return new TenantTreeResult(counts.PeopleCreated, counts.TenantsCreated, counts.MembershipsCreated,
            counts.PeopleUpdated, counts.TenantsUpdated, counts.MembershipsUpdated, counts.LeaderAssignmentsCreated);
    }

    private static bool UpdateNeeded(Tenant tenant, TenantSpec spec) =>
        tenant.Name != spec.Name.Trim() || tenant.Kind != spec.Kind || tenant.LevelLabel != spec.Level.Trim();

    /// <summary>
    /// Creates or updates the file's people; returns every account the file may refer to, by user name, and their
    /// full names (as leader assignments record them), by id.
    /// </summary>
    private static async Task<(Dictionary<string, Guid> Ids, Dictionary<Guid, string> FullNames)> ApplyPeopleAsync(
        TenantTreeFile file, Source source, AppDbContext db, UserManager<User> users, TimeProvider clock, Counts counts, CancellationToken ct)
    {
        var names = file.People.Select(p => p.UserName)
            .Concat(file.Tenants.SelectMany(t => t.Members ?? []).Select(m => m.User))
            .Concat(file.Tenants.SelectMany(t => t.LeaderAssignments ?? []).Select(a => a.Leader))
            .Select(n => users.NormalizeName(n)!).Distinct().ToList();
        var existing = await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, ct);
        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var fullNames = new Dictionary<Guid, string>();
        foreach (var user in existing.Values)
        {
            ids[user.UserName!] = user.Id;
            fullNames[user.Id] = user.FullName;
        }

        // Hashing a password is deliberately slow (PBKDF2): for a large file it dominates, so new accounts' hashes are
        // computed on every core first. Each account still gets its own salt.
        var newcomers = file.People.Where(p => !existing.ContainsKey(users.NormalizeName(p.UserName)!)).ToList();
        var hashes = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        Parallel.ForEach(newcomers, new ParallelOptions { CancellationToken = ct },
            p => hashes[p.UserName] = users.PasswordHasher.HashPassword(new User(), p.Password));

        foreach (var (person, i) in file.People.Select((p, i) => (p, i)))
        {
            var at = $"people[{i}]";
            if (existing.TryGetValue(users.NormalizeName(person.UserName)!, out var user))
            {
                var fullName = person.FullName.Trim();
                var email = person.Email.Trim();
                if (user.FullName == fullName && user.Email == email) continue;
                // The tracked instance: the e-mail validator looks the person up again and must find this same one.
                user = (await users.FindByIdAsync(user.Id.ToString()))!;
                user.FullName = fullName;
                user.Email = email;
                Check(await users.UpdateAsync(user), source, at);
                fullNames[user.Id] = fullName;
                counts.PeopleUpdated++;
            }
            else
            {
                user = new User
                {
                    UserName = person.UserName.Trim(), Email = person.Email.Trim(), EmailConfirmed = true,
                    FullName = person.FullName.Trim(), IsPlatformOperator = person.PlatformOperator, CreatedAt = clock.GetUtcNow(),
                };
                foreach (var validator in users.PasswordValidators)
                    Check(await validator.ValidateAsync(users, user, person.Password), source, at);
                user.PasswordHash = hashes[person.UserName];
                Check(await users.CreateAsync(user), source, at);
                ids[person.UserName] = user.Id;
                fullNames[user.Id] = user.FullName;
                counts.PeopleCreated++;
            }
            db.ChangeTracker.Clear();
        }
        return (ids, fullNames);
    }

    /// <summary>Applies the tenant's members (inside the tenant); returns all its memberships, by person.</summary>
    private static async Task<Dictionary<Guid, Membership>> ApplyMembersAsync(TenantSpec spec, string at, Dictionary<string, Guid> userIds,
        Source source, AppDbContext db, TimeProvider clock, Counts counts, CancellationToken ct)
    {
        var memberships = await db.Memberships.ToDictionaryAsync(m => m.UserId, ct);
        if (spec.Members is not { Count: > 0 }) return memberships;
        var roles = await db.TenantRoles.ToDictionaryAsync(r => r.Name, ct);
        foreach (var (member, j) in spec.Members.Select((m, j) => (m, j)))
        {
            var path = $"{at}.members[{j}]";
            if (!userIds.TryGetValue(member.User, out var userId))
                throw source.Error($"{path}.user", $"không có người dùng '{member.User}' / no person '{member.User}'.");
            var granted = new List<TenantRole>();
            foreach (var (name, k) in member.Roles.Select((r, k) => (r, k)))
            {
                granted.Add(roles.GetValueOrDefault(name)
                    ?? throw source.Error($"{path}.roles[{k}]", $"đơn vị '{spec.Code}' không có vai trò '{name}' / no role '{name}' in this tenant."));
            }
            if (memberships.TryGetValue(userId, out var membership))
            {
                var changed = membership.ChangeRoles(granted);
                changed |= membership.ChangePosition(member.Position);
                if (changed) counts.MembershipsUpdated++;
            }
            else
            {
                membership = new Membership(userId, member.Position, granted, clock.GetUtcNow());
                db.Memberships.Add(membership);
                memberships[userId] = membership;
                counts.MembershipsCreated++;
            }
        }
        return memberships;
    }

    /// <summary>
    /// Records the tenant's missing leader assignments (inside the tenant), oldest first, each superseding the current
    /// one for its scope. One whose decision number the tenant already has is a historical record: left as it is.
    /// </summary>
    private static async Task ApplyLeaderAssignmentsAsync(TenantSpec spec, string at, Dictionary<Guid, Membership> memberships,
        Dictionary<string, Guid> userIds, Dictionary<Guid, string> fullNames, Source source, AppDbContext db, Counts counts, CancellationToken ct)
    {
        var existing = await db.LeaderAssignments.ToListAsync(ct);
        var numbers = existing.Select(a => a.DecisionNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ordered = spec.LeaderAssignments!.Select((a, k) => (a, k)).OrderBy(x => x.a.EffectiveFrom).ThenBy(x => x.a.DecisionDate).ThenBy(x => x.k);
        foreach (var (item, k) in ordered)
        {
            var path = $"{at}.leaderAssignments[{k}]";
            if (numbers.Contains(item.DecisionNumber.Trim())) continue;
            if (!userIds.TryGetValue(item.Leader, out var userId))
                throw source.Error($"{path}.leader", $"không có người dùng '{item.Leader}' / no person '{item.Leader}'.");
            if (!memberships.TryGetValue(userId, out var membership))
                throw source.Error($"{path}.leader", $"'{item.Leader}' không phải thành viên của đơn vị '{spec.Code}' / is not a member of this tenant.");

            LeaderAssignment assignment;
            try
            {
                assignment = new LeaderAssignment(item.DecisionNumber, item.DecisionDate, item.Signer, item.SignerCapacity,
                    membership.Id, userId, fullNames.GetValueOrDefault(userId, item.Leader), item.Position, item.Scope, [],
                    item.EffectiveFrom, item.EffectiveTo, attachmentName: null);
                foreach (var current in existing.Where(a => a.ScopeKey == assignment.ScopeKey && a.Status == LeaderAssignmentStatus.Current))
                    current.SupersedeBy(assignment);
            }
            catch (DomainRuleException ex)
            {
                throw source.Error($"{path}.{ex.Field}", ex.Message);
            }
            db.LeaderAssignments.Add(assignment);
            existing.Add(assignment);
            numbers.Add(assignment.DecisionNumber);
            counts.LeaderAssignmentsCreated++;
        }
    }

    private static void Check(IdentityResult result, Source source, string at)
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        var field = error.Code switch
        {
            var c when c.StartsWith("Password", StringComparison.Ordinal) => "password",
            var c when c.Contains("Email", StringComparison.Ordinal) => "email",
            _ => "userName",
        };
        throw source.Error($"{at}.{field}", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Unknown fields and missing required ones, checked on the raw document so that each is named exactly.</summary>
    private static void CheckShape(Source source)
    {
        var root = source.Lines.Find("");
        if (root is not null && root.Token != JsonTokenType.StartObject)
            throw source.Error("", "tệp phải là một đối tượng JSON / the file must be a JSON object.");
        foreach (var path in source.Lines.Paths.OrderBy(p => source.Lines.LineOf(p)))
        {
            var shape = Shape(path);
            if (!KnownShapes.Contains(shape))
                throw source.Error(path, "trường không được hỗ trợ / unknown field.");
            if (source.Lines.Find(path)!.Token != JsonTokenType.StartObject || !Fields.TryGetValue(shape, out var required)) continue;
            foreach (var field in required)
            {
                var child = path.Length == 0 ? field : $"{path}.{field}";
                var entry = source.Lines.Find(child);
                if (entry is null || entry.Token == JsonTokenType.Null)
                    throw source.Error(child, "bắt buộc / required.");
            }
        }
    }

    /// <summary>The rules that need no database: codes, duplicates, order of parents, roles.</summary>
    private static void Validate(TenantTreeFile file, Source source)
    {
        var userNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (person, i) in file.People.Select((p, i) => (p, i)))
        {
            foreach (var (field, value) in new[] { ("userName", person.UserName), ("fullName", person.FullName), ("email", person.Email), ("password", person.Password) })
            {
                if (string.IsNullOrWhiteSpace(value)) throw source.Error($"people[{i}].{field}", "bắt buộc / required.");
            }
            if (!userNames.Add(person.UserName.Trim()))
                throw source.Error($"people[{i}].userName", $"'{person.UserName}' xuất hiện hai lần / appears twice.");
            if (!emails.Add(person.Email.Trim()))
                throw source.Error($"people[{i}].email", $"'{person.Email}' xuất hiện hai lần / appears twice.");
        }

        var positions = new Dictionary<string, int>();
        foreach (var (spec, i) in file.Tenants.Select((t, i) => (t, i)))
        {
            if (!Tenant.IsValidCode(spec.Code))
                throw source.Error($"tenants[{i}].code", $"'{spec.Code}' không phải mã hợp lệ / is not a valid code (2-64 of a-z, 0-9, '-').");
            if (!positions.TryAdd(Tenant.NormalizeCode(spec.Code), i))
                throw source.Error($"tenants[{i}].code", $"'{spec.Code}' xuất hiện hai lần / appears twice.");
            if (string.IsNullOrWhiteSpace(spec.Name))
                throw source.Error($"tenants[{i}].name", "bắt buộc / required.");
            if (string.IsNullOrWhiteSpace(spec.Level))
                throw source.Error($"tenants[{i}].level", "bắt buộc / required.");
        }

        foreach (var (spec, i) in file.Tenants.Select((t, i) => (t, i)))
        {
            var at = $"tenants[{i}]";
            if (spec.Parent is not null && positions.TryGetValue(Tenant.NormalizeCode(spec.Parent), out var parentAt) && parentAt >= i)
            {
                throw source.Error($"{at}.parent", parentAt == i
                    ? "một đơn vị không thể là cấp trên của chính nó / a tenant cannot be its own parent."
                    : $"'{spec.Parent}' được liệt kê sau đơn vị này (tenants[{parentAt}]) / is listed after this tenant: parents come before children.");
            }
            var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (member, j) in (spec.Members ?? []).Select((m, j) => (m, j)))
            {
                var path = $"{at}.members[{j}]";
                if (string.IsNullOrWhiteSpace(member.User))
                    throw source.Error($"{path}.user", "bắt buộc / required.");
                if (!members.Add(member.User))
                    throw source.Error($"{path}.user", $"'{member.User}' xuất hiện hai lần trong đơn vị này / appears twice in this tenant.");
                if (member.Roles.Length == 0)
                    throw source.Error($"{path}.roles", "thành viên phải có ít nhất một vai trò / at least one role is required.");
                foreach (var (role, k) in member.Roles.Select((r, k) => (r, k)))
                {
                    if (!DefaultRoles.Bundles.ContainsKey(role))
                        throw source.Error($"{path}.roles[{k}]", $"không có vai trò '{role}' / unknown role '{role}' (known: {string.Join(", ", DefaultRoles.Bundles.Keys)}).");
                }
            }
            ValidateLeaderAssignments(spec, at, source);
        }
    }

    private static void ValidateLeaderAssignments(TenantSpec spec, string at, Source source)
    {
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (assignment, k) in (spec.LeaderAssignments ?? []).Select((a, k) => (a, k)))
        {
            var path = $"{at}.leaderAssignments[{k}]";
            foreach (var (field, value, max) in new[]
            {
                ("decisionNumber", assignment.DecisionNumber, LeaderAssignment.DecisionNumberMaxLength),
                ("signer", assignment.Signer, LeaderAssignment.TextMaxLength),
                ("signerCapacity", assignment.SignerCapacity, LeaderAssignment.TextMaxLength),
                ("leader", assignment.Leader, LeaderAssignment.TextMaxLength),
                ("position", assignment.Position, LeaderAssignment.TextMaxLength),
                ("scope", assignment.Scope, LeaderAssignment.ScopeMaxLength),
            })
            {
                if (string.IsNullOrWhiteSpace(value)) throw source.Error($"{path}.{field}", "bắt buộc / required.");
                if (value.Trim().Length > max) throw source.Error($"{path}.{field}", $"dài quá {max} ký tự / longer than {max} characters.");
            }
            if (numbers.TryGetValue(assignment.DecisionNumber.Trim(), out var first))
                throw source.Error($"{path}.decisionNumber",
                    $"'{assignment.DecisionNumber}' xuất hiện hai lần trong đơn vị này (leaderAssignments[{first}]) / appears twice in this tenant.");
            numbers[assignment.DecisionNumber.Trim()] = k;
            if (assignment.EffectiveTo is { } to && to < assignment.EffectiveFrom)
                throw source.Error($"{path}.effectiveTo",
                    $"ngày hết hiệu lực {to:yyyy-MM-dd} trước ngày có hiệu lực {assignment.EffectiveFrom:yyyy-MM-dd} / ends before it starts.");
            if (assignment.DecisionDate > assignment.EffectiveFrom.AddYears(1))
                throw source.Error($"{path}.decisionDate", "ngày quyết định không hợp lý so với ngày có hiệu lực / the decision date is more than a year after the effective date.");
            if (assignment.EffectiveTo is { } end && assignment.DecisionDate > end)
                throw source.Error($"{path}.decisionDate", "ngày quyết định phải trước ngày hết hiệu lực / the decision date is after the end date.");
        }
    }

    private static string DescribeBadValue(Source source, JsonException ex)
    {
        var path = ex.Path is null ? "" : FromJsonPath(ex.Path);
        if (Shape(path).Equals("tenants[].kind", StringComparison.OrdinalIgnoreCase))
        {
            var text = source.Lines.Find(path)?.Text;
            return $"'{text}' không phải loại đơn vị / is not a tenant kind (known: {string.Join(", ", Enum.GetNames<TenantKind>())}).";
        }
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return "giá trị không hợp lệ / invalid value: " + (cut > 0 ? message[..cut] : message);
    }

    /// <summary><c>$.tenants[3].kind</c> (System.Text.Json's form) → <c>tenants[3].kind</c> (ours).</summary>
    private static string FromJsonPath(string path) => path.TrimStart('$').TrimStart('.');

    private static string Shape(string path) => IndexPattern().Replace(path, "[]");

    private static string Display(string path) => path.Length == 0 ? "$" : path;

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex IndexPattern();

    /// <summary>The file being applied and where its values are; builds the <c>file:line: path: message</c> errors.</summary>
    private sealed record Source(string Name, JsonLineMap Lines)
    {
        public TenantTreeFileException Error(string path, string message) =>
            new(Lines.LineOf(path) is { } line
                ? $"{Name}:{line}: {Display(path)}: {message}"
                : $"{Name}: {Display(path)}: {message}");
    }

    private sealed class Counts
    {
        public int PeopleCreated, TenantsCreated, MembershipsCreated, PeopleUpdated, TenantsUpdated, MembershipsUpdated, LeaderAssignmentsCreated;
    }
}
