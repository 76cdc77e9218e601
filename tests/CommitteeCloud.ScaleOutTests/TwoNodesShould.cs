using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.ScaleOutTests;

/// <summary>
/// Two nodes behind nginx with the Redis backplane (infra/local): what one node does reaches the clients of the
/// other, what one node signs is read by the other, and a node's death loses nothing its clients were owed.
/// </summary>
public sealed partial class TwoNodesShould(ScaledOutSet set) : IClassFixture<ScaledOutSet>
{
    private const string Root = "bench-root";

    [Fact]
    public async Task Deliver_to_a_client_of_node_A_the_notification_caused_by_a_request_on_node_B()
    {
        var number = $"{Random.Shared.Next(1000, 9999)}-CV/TU";
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onA = await ConnectAsync(set.NodeA, "bench.sec001");
        // Other notifications may come first (being added to the unit): wait for the one about this directive.
        onA.On<JsonElement>("notification", n =>
        {
            if ((n.GetProperty("title").GetString() + n.GetProperty("body").GetString()).Contains(number)) received.TrySetResult(n);
        });

        await IssueDirectiveAsync(set.NodeB, number, "bench-xa-001");

        var notification = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("task-assigned", notification.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Accept_on_node_B_the_sign_in_cookie_issued_by_node_A()
    {
        var cookies = new CookieContainer();
        using (var a = set.Client(set.NodeA, cookies: cookies))
        {
            var form = await a.GetStringAsync("/signin");
            var fields = HiddenFields(form);
            fields["Input.UserName"] = "bench.root";
            fields["Input.Password"] = ScaledOutSet.Password;
            var signIn = await a.PostAsync("/signin", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("a", signIn.Headers.GetValues("X-CommitteeCloud-Node").Single());
        }
        Assert.NotNull(cookies.GetCookies(set.NodeA)["cc.auth"]);

        // The cookie container is keyed by host, not port: the same cookie goes to node B.
        using var b = set.Client(set.NodeB, cookies: cookies);
        var tenant = await b.GetAsync($"/t/{Root}/api/tenant");
        Assert.Equal(HttpStatusCode.OK, tenant.StatusCode);
        Assert.Equal("b", tenant.Headers.GetValues("X-CommitteeCloud-Node").Single());
        using var stranger = set.Client(set.NodeB);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync($"/t/{Root}/api/tenant")).StatusCode);
    }

    [Fact]
    public async Task Let_the_clients_of_a_killed_node_reconnect_through_nginx_and_miss_nothing_in_their_inbox()
    {
        // Through nginx, as a browser would; nginx keeps this client on one node (sticky by address).
        await using var client = await ConnectAsync(set.Nginx, "bench.sec002", reconnect: true);
        using var probe = set.Client(set.Nginx);
        var served = (await probe.GetAsync("/health/live")).Headers.GetValues("X-CommitteeCloud-Node").Single();
        var survivor = served == "a" ? set.NodeB : set.NodeA;
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += _ => { reconnected.TrySetResult(); return Task.CompletedTask; };

        set.Kill(served);
        try
        {
            // While the client is cut off, the other node hands it work.
            var number = $"{Random.Shared.Next(1000, 9999)}-KH/TU";
            await IssueDirectiveAsync(survivor, number, "bench-xa-002");
            await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(60));

            var token = await set.TokenAsync(set.Nginx, "bench.sec002");
            using var inbox = set.Client(set.Nginx, token);
            var response = await inbox.GetAsync("/api/me/notifications?unreadOnly=true&take=50");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(served, response.Headers.GetValues("X-CommitteeCloud-Node").Single());
            var entries = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(entries.EnumerateArray(), n => (n.GetProperty("title").GetString() + n.GetProperty("body").GetString()).Contains(number));
        }
        finally
        {
            await set.RestartAsync(served);
        }
    }

    private async Task<HubConnection> ConnectAsync(Uri node, string userName, bool reconnect = false)
    {
        var token = await set.TokenAsync(node, userName);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (reconnect) builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)]);
        var connection = builder.Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The province's secretary drafts a directive with its points and issues it to one unit.</summary>
    private async Task IssueDirectiveAsync(Uri node, string number, string recipient)
    {
        var token = await set.TokenAsync(node, "bench.root");
        using var client = set.Client(node, token);
        var tenants = await client.GetFromJsonAsync<JsonElement>($"/t/{Root}/api/tree");
        var recipientId = FindTenant(tenants, recipient);
        var draft = await client.PostAsJsonAsync($"/t/{Root}/api/directives", new
        {
            directive = new
            {
                kind = "OfficialLetter", number, issueDate = (string?)null, issuePlace = "Lạng Sơn", issuingBody = "Ban Thường vụ Tỉnh ủy",
                signer = "Hoàng Văn Nghiệm", signerCapacity = "T/M Ban Thường vụ, Phó Bí thư Thường trực",
                subject = "V/v tăng cường công tác dân vận", body = "1. Tăng cường sự lãnh đạo của cấp ủy.\n\n2. Thực hiện tốt Năm dân vận chính quyền.",
                implementsReference = (string?)null, recipientTenantIds = new[] { recipientId },
            },
            splitPoints = true,
        });
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var issued = await client.PostAsync($"/t/{Root}/api/directives/{id}/issue", null);
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
    }

    private static Guid FindTenant(JsonElement subtree, string code) =>
        subtree.EnumerateArray().Single(n => n.GetProperty("code").GetString() == code).GetProperty("tenantId").GetGuid();

    /// <summary>The hidden fields of the sign-in form (antiforgery token, form name, return address).</summary>
    private static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
                fields[name] = attributes.GetValueOrDefault("value") ?? "";
        }
        return fields;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("([\\w.:-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
