using System.Collections.Concurrent;
using System.Diagnostics;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Pipeline;

/// <summary>
/// What a request costs the database, counted in round trips (each command or batch Npgsql sends, from its own trace),
/// never timed. Every trip is a wait on PostgreSQL and two context switches, and on two cores that is most of a
/// cached read's cost. A request is told apart from the other tests' by the trace id it sends.
/// </summary>
public sealed class RoundTripsShould(AppFixture app)
{
    [Fact]
    public async Task Answer_a_warm_inbox_read_with_its_session_and_permission_check_in_one_trip_and_its_version_in_another()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks", new { task = new { title = "Việc để đếm lượt gọi" } });
        await root.TasksAsync(tree.Root);

        using var trips = new RoundTrips();
        var (status, sent) = await trips.SendAsync(root, $"/t/{tree.Root}/api/tasks");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Collection(sent,
            session => Assert.Contains("set_config('app.tenant_id'", session),
            version => Assert.Contains("task_list_versions", version));
    }

    [Fact]
    public async Task Tell_a_stranger_nothing_through_the_batched_permission_check()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks", new { task = new { title = "Việc nội bộ" } });
        foreach (var outsider in new[] { tree.ASecretary, tree.BSecretary, tree.Stranger })
        {
            using var client = await app.ClientForAsync(outsider);
            using var trips = new RoundTrips();
            var (status, sent) = await trips.SendAsync(client, $"/t/{tree.Root}/api/tasks");

            Assert.Equal(HttpStatusCode.NotFound, status);
            // The batch found no membership, and that answer stands: nothing else is asked, no task is read.
            Assert.Single(sent);
            Assert.DoesNotContain(sent, s => s.Contains("FROM tasks", StringComparison.Ordinal) || s.Contains("task_list_versions", StringComparison.Ordinal));
        }
    }

    /// <summary>Collects the statements Npgsql sends while it lives, by trace id (a batch is one entry).</summary>
    private sealed class RoundTrips : IDisposable
    {
        private readonly ConcurrentQueue<(ActivityTraceId Trace, string Statement)> _sent = new();
        private readonly ActivityListener _listener;

        public RoundTrips()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    // Commands and batches carry their text; a physical connection opened on the way does not.
                    if (a.Source.Name == "Npgsql" && (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")) is string text)
                        _sent.Enqueue((a.TraceId, text));
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public async Task<(HttpStatusCode Status, List<string> Sent)> SendAsync(HttpClient client, string url)
        {
            var trace = ActivityTraceId.CreateRandom();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            using var response = await client.SendAsync(request);
            return (response.StatusCode, [.. _sent.Where(s => s.Trace == trace).Select(s => s.Statement)]);
        }

        public void Dispose() => _listener.Dispose();
    }
}
