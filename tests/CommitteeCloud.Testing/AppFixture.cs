using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web;
using CommitteeCloud.Web.Features.TenantTrees;
using CommitteeCloud.Web.Platform.Database;
using CommitteeCloud.Web.Platform.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CommitteeCloud.Testing;

/// <summary>
/// The real app on 127.0.0.1 (Kestrel, a real port) over its own throw-away PostgreSQL cluster, started once per
/// test assembly. Tests isolate themselves by building their own small tenant tree with unique codes.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Password = "KiemThu@2026";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cc-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public WebApplication App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => App.Services;
    public DatabaseOptions Database => Services.GetRequiredService<DatabaseOptions>();

    public async ValueTask InitializeAsync()
    {
        App = await CommitteeCloudApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            "--applicationName=CommitteeCloud.Web",
            $"--Database:DataDirectory={_dataDirectory}",
            "--Database:Durable=false",
            $"--Blobs:Root={Path.Combine(_dataDirectory, "blobs")}",
            "--Demo:Load=false",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
            "--Outbox:PollInterval=00:00:00.200",
        ]);
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A fresh tree for one test: a root, two sibling children, a grandchild under A, and an unrelated root.</summary>
    public async Task<TestTree> CreateTreeAsync()
    {
        var tree = new TestTree(Guid.NewGuid().ToString("N")[..8]);
        var file = new TenantTreeFile(
            [.. tree.AllUsers.Select(u => new PersonSpec(u, $"Người dùng {u}", $"{u}@test.vn", Password))],
            [
                new TenantSpec(tree.Root, "Tỉnh ủy thử nghiệm " + tree.Suffix, TenantKind.PartyCommittee, "Tỉnh", null,
                    [new MemberSpec(tree.RootSecretary, ["Secretary"], "Bí thư"), new MemberSpec(tree.RootSupervisor, ["Supervisor"], "Giám sát")]),
                new TenantSpec(tree.ChildA, "Đảng ủy xã A " + tree.Suffix, TenantKind.GrassrootsCommittee, "Xã", tree.Root,
                    [new MemberSpec(tree.ASecretary, ["Secretary"], "Bí thư"), new MemberSpec(tree.AStaff, ["StaffMember"], "Cán bộ")]),
                new TenantSpec(tree.ChildB, "Đảng ủy xã B " + tree.Suffix, TenantKind.GrassrootsCommittee, "Xã", tree.Root,
                    [new MemberSpec(tree.BSecretary, ["Secretary"], "Bí thư")]),
                new TenantSpec(tree.GrandchildA1, "Chi bộ A1 " + tree.Suffix, TenantKind.Cell, "Chi bộ", tree.ChildA,
                    [new MemberSpec(tree.A1Member, ["UnitReporter"], "Đầu mối")]),
                new TenantSpec(tree.StrangerRoot, "Tỉnh ủy khác " + tree.Suffix, TenantKind.PartyCommittee, "Tỉnh", null,
                    [new MemberSpec(tree.Stranger, ["Secretary"], "Bí thư")]),
            ]);
        await TenantTreeLoader.ApplyAsync(Services, file, "test", CancellationToken.None);
        return tree;
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>An API client signed in with a bearer token, as an integration would be.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    public async Task<string> TokenAsync(string userName)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    public async Task<HubConnection> ConnectHubAsync(string userName)
    {
        var token = await TokenAsync(userName);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, LiveHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Raw SQL as the database owner (test set-up only: triggers, fault injection).</summary>
    public async Task AdminSqlAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(Database.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T?> AdminScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(Database.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Raw SQL as the app's own role, acting in <paramref name="tenantId"/>: what a forgotten filter would run.</summary>
    public async Task<NpgsqlConnection> AppConnectionAsync(Guid? tenantId, Guid? userId = null)
    {
        var conn = new NpgsqlConnection(Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false), set_config('app.user_id', @u, false)", conn);
        cmd.Parameters.AddWithValue("t", tenantId?.ToString() ?? "");
        cmd.Parameters.AddWithValue("u", userId?.ToString() ?? "");
        await cmd.ExecuteNonQueryAsync();
        return conn;
    }

    public async Task<Guid> TenantIdAsync(string code) =>
        Guid.Parse((await AdminScalarAsync<string>($"SELECT id::text FROM tenants WHERE code = '{code}'"))!);

    public async Task<Guid> UserIdAsync(string userName) =>
        Guid.Parse((await AdminScalarAsync<string>($"SELECT id::text FROM users WHERE user_name = '{userName}'"))!);

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>Names of one test's tenants and people. Codes and user names are unique per test.</summary>
public sealed record TestTree(string Suffix)
{
    public string Root => $"root-{Suffix}";
    public string ChildA => $"a-{Suffix}";
    public string ChildB => $"b-{Suffix}";
    public string GrandchildA1 => $"a1-{Suffix}";
    public string StrangerRoot => $"other-{Suffix}";

    public string RootSecretary => $"root.sec.{Suffix}";
    public string RootSupervisor => $"root.sup.{Suffix}";
    public string ASecretary => $"a.sec.{Suffix}";
    public string AStaff => $"a.staff.{Suffix}";
    public string BSecretary => $"b.sec.{Suffix}";
    public string A1Member => $"a1.mem.{Suffix}";
    public string Stranger => $"stranger.{Suffix}";

    public IEnumerable<string> AllUsers => [RootSecretary, RootSupervisor, ASecretary, AStaff, BSecretary, A1Member, Stranger];
}
