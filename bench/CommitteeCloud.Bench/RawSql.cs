using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace CommitteeCloud.Bench;

/// <summary>
/// The database's own cost of one endpoint: replays the statements one request of it sent to PostgreSQL (read from the
/// server's statement log by bench/province/extract-sql.py: text, parameter values, and where the app opened a
/// connection from the pool and set the tenant session) over Npgsql with the app's connection settings, from
/// CONNECTIONS concurrent loops for SECONDS, paced to RATE requests/s in all (each loop's k-th request at
/// start + k × CONNECTIONS / RATE, as province-wrk.lua paces wrk; 0 = as fast as the database answers).
/// Only the HTTP, ASP.NET Core, authentication, EF Core and JSON layers are missing, so endpoint ÷ raw is their share.
///
/// usage: raw CONNECTION_STRING STEPS.json[,STEPS2.json...] CONNECTIONS SECONDS [RATE=0] [WARMUP_SECONDS=3]
///   STEPS.json: [{"open": bool, "sql": "...", "params": ["text" | null, ...]}, ...]; several files are replayed in
///   turn (e.g. posts on different tasks, so that concurrent replays of a write do not queue on one row's lock).
///   With FRESH_IDS=1 every uuid that first appears in an INSERT gets a new value in each replay (a write's new rows),
///   so a replayed write commits like the original instead of failing on its primary key.
/// </summary>
public static partial class RawSql
{
    private sealed record Step(bool Open, string Sql, string?[] Params);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: raw CONNECTION_STRING STEPS.json CONNECTIONS SECONDS [RATE=0] [WARMUP_SECONDS=3]");
            return 2;
        }
        var variants = new List<List<Step>>();
        foreach (var file in args[1].Split(','))
            variants.Add(JsonSerializer.Deserialize<List<Step>>(await File.ReadAllTextAsync(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
        var steps = variants[0];
        var connections = int.Parse(args[2]);
        var seconds = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
        var rate = args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var warmup = args.Length > 5 ? double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var freshIds = Environment.GetEnvironmentVariable("FRESH_IDS") == "1";
        var minted = variants.Select(v => freshIds ? MintedIds(v) : []).ToList();

        await using var source = new NpgsqlDataSourceBuilder(args[0]).Build();
        if (warmup > 0) await LoadAsync(source, variants, minted, connections, warmup, rate);
        var (latencies, errors, elapsed) = await LoadAsync(source, variants, minted, connections, seconds, rate);
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"raw: {steps.Count} statements per request ({steps.Count(s => s.Open)} pool opens, {variants.Count} variants), {connections} connections, " +
                          $"{(rate > 0 ? $"paced to {rate:F0} requests/s" : "unpaced")}, {seconds:F0} s");
        Console.WriteLine($"rate: {latencies.Count / elapsed:F1} requests/s, errors: {errors}");
        Console.WriteLine($"p50: {P(0.50):F2} ms");
        Console.WriteLine($"p90: {P(0.90):F2} ms");
        Console.WriteLine($"p99: {P(0.99):F2} ms");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>The uuids a request created: those whose first appearance is a parameter of an INSERT.</summary>
    private static HashSet<string> MintedIds(List<Step> steps)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var minted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps)
        {
            var insert = step.Sql.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase);
            foreach (var value in step.Params)
            foreach (Match m in UuidPattern().Matches(value ?? ""))
                if (seen.Add(m.Value) && insert) minted.Add(m.Value);
        }
        return minted;
    }

    private static async Task<(List<double> Latencies, int Errors, double Elapsed)> LoadAsync(
        NpgsqlDataSource source, List<List<Step>> variants, List<HashSet<string>> minted, int connections, double seconds, double rate)
    {
        var all = new List<double>();
        var errors = 0;
        var turn = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var loops = Enumerable.Range(0, connections).Select(async _ =>
        {
            var mine = new List<double>();
            var interval = rate > 0 ? connections * 1000 / rate : 0;
            var next = clock.Elapsed.TotalMilliseconds;
            while (clock.Elapsed < until)
            {
                var variant = Interlocked.Increment(ref turn) % variants.Count;
                var map = minted[variant].ToDictionary(id => id, _ => Guid.NewGuid().ToString(), StringComparer.OrdinalIgnoreCase);
                var start = clock.Elapsed.TotalMilliseconds;
                try
                {
                    await RequestAsync(source, variants[variant], map);
                    mine.Add(clock.Elapsed.TotalMilliseconds - start);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
                {
                    if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"raw: {ex.Message}");
                }
                if (interval == 0) continue;
                next = Math.Max(next + interval, clock.Elapsed.TotalMilliseconds - interval); // behind: no burst to catch up
                var wait = next - clock.Elapsed.TotalMilliseconds;
                if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }
            lock (all) all.AddRange(mine);
        }).ToList();
        await Task.WhenAll(loops);
        return (all, errors, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One request as the app made it: a pooled connection opened (and the session set) where it opened one.</summary>
    private static async Task RequestAsync(NpgsqlDataSource source, List<Step> steps, Dictionary<string, string> map)
    {
        NpgsqlConnection? connection = null;
        try
        {
            foreach (var step in steps)
            {
                if (step.Open || connection is null)
                {
                    if (connection is not null) await connection.DisposeAsync();
                    connection = await source.OpenConnectionAsync();
                }
                await using var cmd = new NpgsqlCommand(step.Sql, connection);
                foreach (var value in step.Params)
                {
                    var text = value is null || map.Count == 0 ? value : UuidPattern().Replace(value, m => map.GetValueOrDefault(m.Value, m.Value));
                    // Untyped, as a literal in the statement would be: PostgreSQL infers each parameter's type from its use.
                    cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Unknown, Value = (object?)text ?? DBNull.Value });
                }
                await using var reader = await cmd.ExecuteReaderAsync();
                do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex UuidPattern();
}
