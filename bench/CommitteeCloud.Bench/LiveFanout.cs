using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.Bench;

/// <summary>
/// Live push at scale on one node: opens one /hubs/live connection per line of CONNECTIONS (a person and the tenant
/// whose events it joins), then posts progress on POSTS tasks (one line each: the reporter, the task's tenant, the
/// task, and the codes of the tenant and of every tenant above it) at RATE posts/s, each to a different task, and
/// measures for every connection that should hear of it (its tenant is on the task's path) the time from the post's
/// response (the commit) to the arrival of the "taskChanged" tenant event naming that task. It also samples the app's
/// resident memory (VmRSS of APP_PID) before connecting, with every connection open, and during the stream. The first
/// WARMUP lines of POSTS.tsv (default 10) are posted first, at the same rate, and not measured: a freshly started app
/// compiles each query and handler the first time it meets it (the wrk scenarios warm up the same way).
///
/// usage: live BASE_URL CONNECTIONS.tsv POSTS.tsv PASSWORD POSTS RATE APP_PID [WARMUP]
/// </summary>
public static class LiveFanout
{
    private sealed record Post(string User, string Tenant, Guid Task, string[] Path);

    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = new Uri(args[0]);
        var members = File.ReadAllLines(args[1]).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => (User: p[0], Tenant: p[1])).ToList();
        var posts = File.ReadAllLines(args[2]).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(p => new Post(p[0], p[1], Guid.Parse(p[2]), p[3].Split(','))).ToList();
        var password = args[3];
        var warmup = args.Length > 7 ? int.Parse(args[7]) : 10;
        var warmupPosts = posts.Take(warmup).ToList();
        posts = [.. posts.Skip(warmup)];
        var count = Math.Min(int.Parse(args[4]), posts.Count);
        var rate = double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture);
        var appPid = int.Parse(args[6]);
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };

        // One sign-in per person (a password check each), a few at a time as people arrive in the morning.
        var tokens = new ConcurrentDictionary<string, string>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(members.Select(m => m.User).Concat(warmupPosts.Concat(posts.Take(count)).Select(p => p.User)).Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (user, ct) =>
            {
                var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password }, ct);
                response.EnsureSuccessStatusCode();
                tokens[user] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
            });
        Console.WriteLine($"{tokens.Count} sign-ins in {watch.Elapsed.TotalSeconds:F1} s");

        var rssBefore = Rss(appPid);
        var clock = Stopwatch.StartNew();
        var arrivals = new ConcurrentQueue<(Guid Task, int Connection, double At)>();
        var connections = new HubConnection[members.Count];
        watch.Restart();
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, members.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var (user, tenant) = members[i];
            var token = tokens[user];
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            connection.On<JsonElement>("tenantEvent", e =>
            {
                var at = clock.Elapsed.TotalMilliseconds;
                if (e.GetProperty("type").GetString() == "taskChanged" && e.GetProperty("entityId").GetGuid() is var id)
                    arrivals.Enqueue((id, i, at));
            });
            try
            {
                await connection.StartAsync(ct);
                await connection.InvokeAsync<JsonElement>("JoinTenant", tenant, ct);
                connections[i] = connection;
            }
            catch (Exception ex) when (ex is HttpRequestException or HubException or IOException)
            {
                if (Interlocked.Increment(ref failures) <= 3) Console.Error.WriteLine($"connection {i} ({user} in {tenant}): {ex.Message}");
            }
        });
        var open = connections.Count(c => c?.State == HubConnectionState.Connected);
        Console.WriteLine($"{open} of {members.Count} connections open and joined in {watch.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(3000); // let the connection set-up's garbage settle before reading memory
        var rssConnected = Rss(appPid);

        // The stream: one post every 1/RATE s, each to its own task, not waiting for the previous answer.
        var answered = new ConcurrentDictionary<Guid, (double Sent, double Answered)>();
        var postErrors = 0;
        async Task StreamAsync(IReadOnlyList<Post> stream, List<Task> sends)
        {
            var start = clock.Elapsed.TotalMilliseconds;
            for (var i = 0; i < stream.Count; i++)
            {
                var due = start + i * 1000 / rate;
                var wait = due - clock.Elapsed.TotalMilliseconds;
                if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
                var post = stream[i];
                var percent = 10 + i % 9 * 10;
                sends.Add(Task.Run(async () =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{post.Tenant}/api/tasks/{post.Task}/progress")
                    {
                        Content = JsonContent.Create(new { text = $"Cập nhật tiến độ đo hiệu năng {percent}%", percent }),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[post.User]);
                    var sent = clock.Elapsed.TotalMilliseconds;
                    using var response = await http.SendAsync(request);
                    var at = clock.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode && Interlocked.Increment(ref postErrors) <= 3)
                        Console.Error.WriteLine($"POST progress {post.Task}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    answered[post.Task] = (sent, at);
                }));
            }
        }
        var warmupSends = new List<Task>();
        await StreamAsync(warmupPosts, warmupSends);
        await Task.WhenAll(warmupSends);
        await Task.Delay(2000); // the warm-up's outbox work done
        var measured = posts.Take(count).ToList();
        var rssPeak = rssConnected;
        var sampler = Task.Run(async () =>
        {
            while (!measured.All(p => answered.ContainsKey(p.Task))) { rssPeak = Math.Max(rssPeak, Rss(appPid)); await Task.Delay(250); }
        });
        var sends = new List<Task>();
        var streamStart = clock.Elapsed.TotalMilliseconds;
        await StreamAsync(measured, sends);
        await Task.WhenAll(sends);
        var streamSeconds = (clock.Elapsed.TotalMilliseconds - streamStart) / 1000;
        await Task.Delay(10_000); // stragglers
        await sampler;

        // Expected: every open connection whose tenant lies on the posted task's path.
        var byTenant = Enumerable.Range(0, members.Count).Where(i => connections[i] is not null).ToLookup(i => members[i].Tenant);
        var received = arrivals.GroupBy(a => (a.Task, a.Connection)).ToDictionary(g => g.Key, g => g.Min(a => a.At));
        var latencies = new List<double>();
        int expected = 0, missing = 0;
        foreach (var post in posts.Take(count))
        {
            if (!answered.TryGetValue(post.Task, out var times)) continue;
            foreach (var connection in post.Path.SelectMany(code => byTenant[code]))
            {
                expected++;
                if (received.TryGetValue((post.Task, connection), out var at)) latencies.Add(at - times.Answered);
                else missing++;
            }
        }
        var responses = answered.Values.Select(v => v.Answered - v.Sent).ToList();
        Console.WriteLine($"warm-up: {warmupPosts.Count} posts, not measured");
        Console.WriteLine($"stream: {count} progress posts in {streamSeconds:F1} s ({count / streamSeconds:F1}/s), {postErrors} non-2xx");
        Console.WriteLine($"post response: {Summary(responses)}");
        Console.WriteLine($"receipts: {latencies.Count} of {expected} expected ({missing} missing)");
        Console.WriteLine($"commit-to-receipt: {Summary(latencies)}");
        Console.WriteLine($"rss: before {rssBefore / 1024.0:F0} MB, {open} connections {rssConnected / 1024.0:F0} MB, peak during stream {rssPeak / 1024.0:F0} MB");
        await Parallel.ForEachAsync(connections.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (c, _) => await c.DisposeAsync());
        return postErrors == 0 && missing == 0 ? 0 : 1;
    }

    private static string Summary(List<double> values)
    {
        if (values.Count == 0) return "none";
        var sorted = values.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"p50 {P(0.50):F1} ms, p90 {P(0.90):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms (n={sorted.Count})";
    }

    /// <summary>Resident memory of a process in kB, from /proc.</summary>
    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return 0;
    }
}
