using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// Issues a directive with six numbered points to every direct child of a root unit, N times, and measures
// (a) the POST .../issue request (the server commits every hand-off before answering) and
// (b) the time from the issue response until every child's secretary has received the live "notification".
//
// usage: issue-directive <baseUrl> <rootCode> <rootUser> <childUserFormat> <password> [repetitions=10] [warmup=2]
//   childUserFormat: a .NET format string for the child secretaries' user names, {0} = 1..children (e.g. "bench.sec{0:000}")

// Other measurements, as subcommands: "raw" replays an endpoint's SQL over Npgsql (RawSql.cs), "live" measures live
// push to many connections (LiveFanout.cs). Without one, the program issues directives as below.
switch (args.FirstOrDefault())
{
    case "raw": return await CommitteeCloud.Bench.RawSql.RunAsync(args[1..]);
    case "live": return await CommitteeCloud.Bench.LiveFanout.RunAsync(args[1..]);
}

var baseUrl = new Uri(args[0]);
// With HUB_URL the live connections go to another node than the requests: push latency through the Redis backplane.
var hubUrl = Environment.GetEnvironmentVariable("HUB_URL") is { Length: > 0 } hub ? new Uri(hub) : baseUrl;
var (root, rootUser, childFormat, password) = (args[1], args[2], args[3], args[4]);
var repetitions = args.Length > 5 ? int.Parse(args[5]) : 10;
var warmup = args.Length > 6 ? int.Parse(args[6]) : 3;
var pause = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PAUSE_MS"), out var ms) ? ms : 5000;

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
async Task<string> TokenAsync(string user)
{
    var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(rootUser));
var children = await http.GetFromJsonAsync<JsonElement>($"/t/{root}/api/directives/recipient-options");
var recipientIds = children.EnumerateArray().Select(c => c.GetProperty("tenantId").GetGuid()).ToArray();
Console.WriteLine($"{recipientIds.Length} recipients under {root}");

// One hub connection per child secretary; each remembers when it saw the notification for the current number.
var clock = Stopwatch.StartNew();
string? current = null;
var arrivals = new System.Collections.Concurrent.ConcurrentDictionary<int, double>();
var allArrived = new TaskCompletionSource();
var connections = new List<HubConnection>();
var connectWatch = Stopwatch.StartNew();
for (var i = 1; i <= recipientIds.Length; i++)
{
    var token = await TokenAsync(string.Format(childFormat, i));
    var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(hubUrl, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();
    var index = i;
    connection.On<JsonElement>("notification", n =>
    {
        var number = current;
        // The title names the directive ("... giao 6 nhiệm vụ theo văn bản {number}"); other notifications are ignored.
        if (number is null || !n.GetRawText().Contains(number, StringComparison.Ordinal)) return;
        if (arrivals.TryAdd(index, clock.Elapsed.TotalMilliseconds) && arrivals.Count == recipientIds.Length) allArrived.TrySetResult();
    });
    await connection.StartAsync();
    connections.Add(connection);
}
Console.WriteLine($"{connections.Count} hub connections in {connectWatch.Elapsed.TotalSeconds:F1} s (token = password check per secretary)");

const string Body = """
    Để tiếp tục thực hiện tốt công tác dân vận của cơ quan Nhà nước các cấp, yêu cầu các đơn vị thực hiện:

    1. Tiếp tục tăng cường sự lãnh đạo, chỉ đạo của các cấp uỷ đảng, chính quyền về công tác dân vận.

    2. Thực hiện tốt nội dung Năm dân vận chính quyền.

    3. Tiếp tục thực hiện hiệu quả công tác cải cách hành chính.

    4. Tiếp tục chỉ đạo thực hiện tốt Quy chế dân chủ ở cơ sở.

    5. Thường xuyên kiểm tra, giám sát việc thực hiện công tác dân vận.

    6. Định kỳ báo cáo kết quả với Ban Thường vụ.

    Nơi nhận:
    - Như trên.
    """;

var commits = new List<double>();
var lastNotifications = new List<double>();
var firstNotifications = new List<double>();
var run = DateTime.UtcNow.ToString("HHmmss");
for (var rep = -warmup; rep < repetitions; rep++)
{
    var number = $"B{run}-{rep + warmup:00}/BENCH";
    var draft = await http.PostAsJsonAsync($"/t/{root}/api/directives", new
    {
        directive = new
        {
            kind = "OfficialLetter", number, issueDate = DateOnly.FromDateTime(DateTime.Today), issuingBody = "Ban Thường vụ",
            subject = "Đo hiệu năng ban hành văn bản", body = Body, recipientTenantIds = recipientIds,
        },
        splitPoints = true,
    });
    draft.EnsureSuccessStatusCode();
    var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    arrivals.Clear();
    allArrived = new TaskCompletionSource();
    current = number;
    var start = clock.Elapsed.TotalMilliseconds;
    var issued = await http.PostAsync($"/t/{root}/api/directives/{id}/issue", null);
    var answered = clock.Elapsed.TotalMilliseconds;
    issued.EnsureSuccessStatusCode();
    var points = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").GetArrayLength();
    var complete = await Task.WhenAny(allArrived.Task, Task.Delay(TimeSpan.FromSeconds(30))) == allArrived.Task;
    var last = arrivals.IsEmpty ? double.NaN : arrivals.Values.Max() - answered;
    var first = arrivals.IsEmpty ? double.NaN : arrivals.Values.Min() - answered;
    Console.WriteLine($"{(rep < 0 ? "warm-up" : $"run {rep + 1,2}")}: {points} points, issue {answered - start,7:F0} ms; " +
                      $"notifications {arrivals.Count}/{recipientIds.Length}, first {first,6:F0} ms, last {last,6:F0} ms after the response" +
                      (complete ? "" : "  (INCOMPLETE after 30 s)"));
    // An issue's follow-up work runs after its commit (the outbox projects 600 task nodes and pushes to supervisors):
    // the pause lets it finish, so each run measures one issue on an otherwise idle app rather than an issue competing
    // with the previous one's follow-up. BENCH_PAUSE_MS=0 measures back-to-back issues.
    await Task.Delay(pause);
    if (rep < 0) continue;
    commits.Add(answered - start);
    lastNotifications.Add(last);
    firstNotifications.Add(first);
}

static string Summary(List<double> values)
{
    var sorted = values.Order().ToList();
    double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    return $"median {P(0.5),6:F0} ms   p95 {P(0.95),6:F0} ms   max {sorted[^1],6:F0} ms   (n={sorted.Count})";
}
Console.WriteLine();
Console.WriteLine($"issue (POST, server commit):          {Summary(commits)}");
Console.WriteLine($"first notification after response:    {Summary(firstNotifications)}");
Console.WriteLine($"all {recipientIds.Length} notifications after response: {Summary(lastNotifications)}");
foreach (var c in connections) await c.DisposeAsync();
return 0;
