using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CommitteeCloud.ScaleOutTests;

/// <summary>
/// The set <c>infra/local/start.sh</c> starts, on free ports in a throw-away folder: PostgreSQL, Redis, two app nodes
/// and nginx. Everything runs as separate processes, as in production; nothing here is in-process.
/// </summary>
public sealed class ScaledOutSet : IAsyncLifetime
{
    public static readonly string Root = FindRoot();
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cc-scaleout-" + Guid.NewGuid().ToString("N")[..8]);
    public int NodeAPort { get; } = FreePort();
    public int NodeBPort { get; } = FreePort();
    public int NginxPort { get; } = FreePort();
    public int RedisPort { get; } = FreePort();
    public Uri NodeA => new($"http://127.0.0.1:{NodeAPort}");
    public Uri NodeB => new($"http://127.0.0.1:{NodeBPort}");
    public Uri Nginx => new($"http://127.0.0.1:{NginxPort}");

    public const string Password = "DanVan@2026";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await RunAsync("python3", [Path.Combine(Root, "bench", "bench-tree.py"), "2", Path.Combine(Folder, "tree.json")]);
        await RunAsync(Path.Combine(Root, "infra", "local", "start.sh"), []);
        await RunAsync("dotnet", [Path.Combine(Root, "src", "CommitteeCloud.Web", "bin", "Release", "net10.0", "CommitteeCloud.Web.dll"),
            "tenants", "apply", Path.Combine(Folder, "tree.json"), $"--Database:DataDirectory={Path.Combine(Folder, "pg")}",
            $"--contentRoot={Path.Combine(Root, "src", "CommitteeCloud.Web")}", "--Logging:LogLevel:Default=Warning"]);
    }

    public async ValueTask DisposeAsync()
    {
        try { await RunAsync(Path.Combine(Root, "infra", "local", "stop.sh"), []); }
        finally { try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
    }

    /// <summary>Kills a node outright (SIGKILL: no graceful shutdown, as a crash would).</summary>
    public void Kill(string node)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Folder, $"node-{node}.pid")).Trim());
        using var process = Process.GetProcessById(pid);
        process.Kill(); // the node only: the PostgreSQL it started is a daemon of its own
        process.WaitForExit(10_000);
    }

    public Task RestartAsync(string node) => RunAsync(Path.Combine(Root, "infra", "local", "node.sh"), [node]);

    public HttpClient Client(Uri node, string? token = null, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = node, Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(Uri node, string userName)
    {
        using var client = Client(node);
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["LOCAL_DIR"] = Folder;
        start.Environment["NO_BUILD"] = "1";
        start.Environment["DEMO"] = "false";
        start.Environment["NODE_A_PORT"] = NodeAPort.ToString();
        start.Environment["NODE_B_PORT"] = NodeBPort.ToString();
        start.Environment["NGINX_PORT"] = NginxPort.ToString();
        start.Environment["REDIS_PORT"] = RedisPort.ToString();
        return Task.Run(async () =>
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CommitteeCloud.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
