using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace CommitteeCloud.Web.Platform.Database;

/// <summary>
/// A private PostgreSQL cluster started from the machine's own PostgreSQL install, so that the app and the test
/// suite need nothing but the Debian package <c>postgresql</c>. Data lives in <see cref="DataDirectory"/>: a second
/// start reuses it. <c>initdb</c> and <c>pg_ctl</c> refuse to run as root, so as root they run as the
/// <c>postgres</c> system user on a folder that user owns.
/// </summary>
public sealed partial class EmbeddedPostgres(string dataDirectory, ILogger logger, bool durable = true) : IAsyncDisposable
{
    public const string SuperUser = "postgres";

    private bool _startedByUs;

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);
    private string ClusterDirectory => System.IO.Path.Combine(DataDirectory, "pgdata");
    private string CredentialsFile => System.IO.Path.Combine(DataDirectory, "credentials.json");
    private string LogFile => System.IO.Path.Combine(DataDirectory, "postgres.log");

    public int Port { get; private set; }
    public EmbeddedCredentials Credentials { get; private set; } = null!;

    public string ConnectionString(string database, string user, string password) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={user};Password={password}";

    public async Task StartAsync(CancellationToken ct = default)
    {
        var bin = FindBinDirectory() ?? throw new EmbeddedPostgresException(
            "PostgreSQL không có trên máy này (không tìm thấy initdb/pg_ctl). Cài gói Debian: apt-get install -y postgresql " +
            "— hoặc cấu hình ConnectionStrings:App để dùng một máy chủ PostgreSQL có sẵn.");
        var asRoot = IsRoot();
        Directory.CreateDirectory(DataDirectory);
        if (asRoot) await RunAsync("chown", ["postgres:postgres", DataDirectory], ct, asPostgres: false);

        if (!File.Exists(System.IO.Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            Credentials = EmbeddedCredentials.Generate();
            var pwFile = System.IO.Path.Combine(DataDirectory, ".pwfile");
            await File.WriteAllTextAsync(pwFile, Credentials.SuperUserPassword, ct);
            if (asRoot) await RunAsync("chown", ["postgres:postgres", pwFile], ct, asPostgres: false);
            try
            {
                await RunAsync(System.IO.Path.Combine(bin, "initdb"),
                    ["-D", ClusterDirectory, "-U", SuperUser, "-A", "scram-sha-256", $"--pwfile={pwFile}", "-E", "UTF8", "--locale=C.UTF-8"],
                    ct, asRoot);
            }
            finally
            {
                File.Delete(pwFile);
            }
            await File.WriteAllTextAsync(CredentialsFile, JsonSerializer.Serialize(Credentials), ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(CredentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            LogInitialized(logger, ClusterDirectory);
        }
        else
        {
            Credentials = JsonSerializer.Deserialize<EmbeddedCredentials>(await File.ReadAllTextAsync(CredentialsFile, ct))
                ?? throw new EmbeddedPostgresException($"Tệp {CredentialsFile} bị hỏng; xóa thư mục {DataDirectory} để tạo lại.");
        }

        var running = ReadRunningPort();
        if (running is { } port)
        {
            Port = port;
            LogReused(logger, Port);
            return;
        }

        Port = FreePort();
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200";
        if (!durable) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(System.IO.Path.Combine(bin, "pg_ctl"),
            ["start", "-D", ClusterDirectory, "-w", "-t", "60", "-l", LogFile, "-o", settings], ct, asRoot);
        _startedByUs = true;
        LogStarted(logger, Port, ClusterDirectory);
    }

    public async Task StopAsync()
    {
        if (!_startedByUs) return;
        _startedByUs = false;
        var bin = FindBinDirectory();
        if (bin is null) return;
        await RunAsync(System.IO.Path.Combine(bin, "pg_ctl"), ["stop", "-D", ClusterDirectory, "-m", "fast", "-w"], CancellationToken.None, IsRoot());
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The port of a cluster already running on this data folder (a previous start that was not stopped).</summary>
    private int? ReadRunningPort()
    {
        var pidFile = System.IO.Path.Combine(ClusterDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        try
        {
            var lines = File.ReadAllLines(pidFile);
            if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null; // stale pid file: postgres removes it on start
        }
    }

    private static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(System.IO.Path.Combine(configured, "initdb"))) return configured;
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Ok: int.TryParse(System.IO.Path.GetFileName(d), out var v), Version: v))
                .Where(x => x.Ok && File.Exists(System.IO.Path.Combine(x.Dir, "bin", "initdb")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null) return System.IO.Path.Combine(newest.Dir, "bin");
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(System.IO.Path.Combine(dir, "initdb")) && File.Exists(System.IO.Path.Combine(dir, "pg_ctl"))) return dir;
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Environment.UserName resolves the effective uid on Linux.
    private static bool IsRoot() => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static async Task RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, bool asPostgres)
    {
        var psi = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(psi) ?? throw new EmbeddedPostgresException($"Không chạy được {file}.");
        // pg_ctl start leaves postgres running with our pipes inherited: read to EOF would hang, so wait for exit only.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var err = await Task.WhenAny(stderr, Task.Delay(1000, ct)) == stderr ? await stderr : "";
            throw new EmbeddedPostgresException(
                $"{System.IO.Path.GetFileName(file)} {string.Join(' ', args)} thất bại (mã {process.ExitCode}): {err.Trim()}");
        }
        _ = stdout;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Initialized a new PostgreSQL cluster in {Directory}")]
    private static partial void LogInitialized(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL started on 127.0.0.1:{Port} ({Directory})")]
    private static partial void LogStarted(ILogger logger, int port, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reusing the embedded PostgreSQL already running on 127.0.0.1:{Port}")]
    private static partial void LogReused(ILogger logger, int port);
}

/// <summary>Passwords of the embedded cluster, generated on first start and kept beside it (mode 0600).</summary>
public sealed record EmbeddedCredentials(string SuperUserPassword, string AppPassword)
{
    public static EmbeddedCredentials Generate() =>
        new(Convert.ToHexString(RandomNumberGenerator.GetBytes(18)), Convert.ToHexString(RandomNumberGenerator.GetBytes(18)));
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
