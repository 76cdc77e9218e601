using System.Text.Json;
using Npgsql;
using CommitteeCloud.Web.Platform.Outbox;

namespace CommitteeCloud.IntegrationTests.Outbox;

/// <summary>Events committed with the change are delivered to the inbox at least once, and appear there exactly once.</summary>
public sealed class OutboxDeliveryShould(AppFixture app)
{
    [Fact]
    public async Task Deliver_a_member_added_notification_to_the_person_s_inbox()
    {
        var tree = await app.CreateTreeAsync();
        await AddToRootAsync(tree, tree.BSecretary);
        using var b = await app.ClientForAsync(tree.BSecretary);
        var inbox = await Eventually.ValueAsync(() => b.GetFromJsonAsync<JsonElement>("/api/me/notifications"),
            json => json.EnumerateArray().Any(n => n.GetProperty("tenantCode").GetString() == tree.Root));
        var notification = inbox.EnumerateArray().Single(n => n.GetProperty("tenantCode").GetString() == tree.Root);
        Assert.Equal("member-added", notification.GetProperty("kind").GetString());
        Assert.Contains("Tỉnh ủy thử nghiệm", notification.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Suppress_the_duplicate_when_a_delivery_is_repeated_after_a_crash()
    {
        var tree = await app.CreateTreeAsync();
        var userId = await app.UserIdAsync(tree.BSecretary);
        var rootId = await app.TenantIdAsync(tree.Root);
        await AddToRootAsync(tree, tree.BSecretary);
        await Eventually.ValueAsync(() => CountNotificationsAsync(rootId, userId), n => n == 1);

        // A node died after delivering but before its acknowledgement was kept: the delivery is due again.
        await app.AdminSqlAsync($"""
            UPDATE outbox_deliveries SET completed_at = NULL, locked_until = NULL, next_attempt_at = now() - interval '1 second'
            WHERE message_id IN (SELECT id FROM outbox_messages WHERE tenant_id = '{rootId}' AND type = 'MemberAdded' AND payload->>'UserId' = '{userId}')
            """);
        await Eventually.ValueAsync(() => app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id WHERE m.tenant_id = '{rootId}' AND d.completed_at IS NULL"), n => n == 0);
        Assert.Equal(1L, await CountNotificationsAsync(rootId, userId));
    }

    [Fact]
    public async Task Roll_back_a_delivery_another_node_completed_while_it_ran()
    {
        var tree = await app.CreateTreeAsync();
        var rootId = await app.TenantIdAsync(tree.Root);
        var userId = await app.UserIdAsync(tree.BSecretary);
        var gate = Random.Shared.Next(1, int.MaxValue);
        // The handler's insert waits on a lock this test holds: it is running, not yet completed.
        await using var holder = new NpgsqlConnection(app.Database.AdminConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({gate})", holder)) await take.ExecuteNonQueryAsync();
        await app.AdminSqlAsync($"""
            CREATE OR REPLACE FUNCTION hold_inbox_{tree.Suffix}() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN IF NEW.user_id = '{userId}' AND NEW.tenant_id = '{rootId}' THEN PERFORM pg_advisory_lock({gate}); PERFORM pg_advisory_unlock({gate}); END IF; RETURN NEW; END $$;
            CREATE TRIGGER hold_inbox_{tree.Suffix} BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION hold_inbox_{tree.Suffix}();
            """);
        try
        {
            await AddToRootAsync(tree, tree.BSecretary);
            var held = $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = {gate}";
            Assert.Equal(1L, await Eventually.ValueAsync(() => app.AdminScalarAsync<long>(held), n => n == 1));

            // Meanwhile its lease ran out, and another node ran the delivery to the end.
            await app.AdminSqlAsync($"""
                UPDATE outbox_deliveries SET completed_at = now(), locked_until = NULL
                WHERE handler LIKE '%MemberAddedNotifier%' AND message_id IN (SELECT id FROM outbox_messages
                  WHERE tenant_id = '{rootId}' AND type = 'MemberAdded' AND payload->>'UserId' = '{userId}')
                """);
            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({gate})", holder)) await release.ExecuteNonQueryAsync();
            // A delivery leased after the release runs once the held batch is done with.
            var later = await app.UserIdAsync(tree.A1Member);
            await AddToRootAsync(tree, tree.A1Member);
            Assert.Equal(1L, await Eventually.ValueAsync(() => CountNotificationsAsync(rootId, later), n => n == 1));
            // The late run's insert was rolled back: the inbox holds what the node that completed it wrote (here, none).
            Assert.Equal(0L, await CountNotificationsAsync(rootId, userId));
        }
        finally
        {
            await app.AdminSqlAsync($"DROP TRIGGER hold_inbox_{tree.Suffix} ON notifications; DROP FUNCTION hold_inbox_{tree.Suffix}();");
        }
    }

    [Fact]
    public async Task Retry_a_failing_handler_with_backoff_without_blocking_other_deliveries()
    {
        var tree = await app.CreateTreeAsync();
        var rootId = await app.TenantIdAsync(tree.Root);
        var blocked = await app.UserIdAsync(tree.BSecretary);
        var other = await app.UserIdAsync(tree.A1Member);
        await RefuseInboxAsync(tree, blocked, "BEFORE");
        try
        {
            await AddToRootAsync(tree, tree.BSecretary);
            await AddToRootAsync(tree, tree.A1Member);
            // The other person's notification arrives although the first delivery keeps failing.
            Assert.Equal(1L, await Eventually.ValueAsync(() => CountNotificationsAsync(rootId, other), n => n == 1));
            var attempts = await Eventually.ValueAsync(() => app.AdminScalarAsync<long>(
                $"SELECT max(d.attempts) FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id WHERE m.payload->>'UserId' = '{blocked}' AND m.tenant_id = '{rootId}'"), n => n >= 2);
            Assert.True(attempts >= 2, $"expected retries, saw {attempts} attempt(s)");
            var error = await app.AdminScalarAsync<string>(
                $"SELECT d.last_error FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id WHERE m.payload->>'UserId' = '{blocked}' AND m.tenant_id = '{rootId}' AND d.handler LIKE '%MemberAddedNotifier%'");
            Assert.Contains("inbox unavailable", error);
        }
        finally
        {
            await AllowInboxAsync(tree);
        }
        // Once the fault is gone the next retry delivers it (backoff is short for the first attempts).
        await RetryNowAsync(rootId, blocked);
        Assert.Equal(1L, await Eventually.ValueAsync(() => CountNotificationsAsync(rootId, blocked), n => n == 1));
    }

    [Fact]
    public async Task Keep_what_one_handler_did_when_another_handler_of_the_same_tenant_fails_in_the_same_run()
    {
        var tree = await app.CreateTreeAsync();
        var rootId = await app.TenantIdAsync(tree.Root);
        var blocked = await app.UserIdAsync(tree.BSecretary);
        // A member added raises one event in the root with two handlers: the unit summary's projector and the inbox's
        // notifier. They run in one transaction; the notifier fails there after its insert began.
        await RefuseInboxAsync(tree, blocked, "AFTER");
        var deliveries = $"""
            SELECT string_agg(CASE WHEN d.handler LIKE '%MemberAddedNotifier%' THEN 'notifier' ELSE 'projector' END || ':' ||
                     CASE WHEN d.completed_at IS NULL THEN 'open' ELSE 'done' END || ':' || d.attempts, ',' ORDER BY d.handler)
            FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id
            WHERE m.tenant_id = '{rootId}' AND m.type = 'MemberAdded' AND m.payload->>'UserId' = '{blocked}'
            """;
        try
        {
            await AddToRootAsync(tree, tree.BSecretary);
            var state = await Eventually.ValueAsync(() => app.AdminScalarAsync<string>(deliveries), s => s is not null && s.Contains("projector:done:") && s.Contains("notifier:open:") && !s.Contains("notifier:open:0"));
            // The projector's work was kept and completed once; the notifier's was rolled back to its savepoint.
            Assert.Contains("projector:done:1", state);
            Assert.Equal(0L, await CountNotificationsAsync(rootId, blocked));
        }
        finally
        {
            await AllowInboxAsync(tree);
        }
        await RetryNowAsync(rootId, blocked);
        Assert.Equal(1L, await Eventually.ValueAsync(() => CountNotificationsAsync(rootId, blocked), n => n == 1));
        Assert.Contains("projector:done:1", await app.AdminScalarAsync<string>(deliveries));
    }

    [Fact]
    public void Back_off_exponentially_up_to_five_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), OutboxDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(2), OutboxDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(8), OutboxDispatcher.Backoff(4));
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxDispatcher.Backoff(20));
    }

    /// <summary>Makes the person's inbox inserts fail, before the row is written or after (the insert had begun).</summary>
    private Task RefuseInboxAsync(TestTree tree, Guid userId, string timing) => app.AdminSqlAsync($"""
        CREATE OR REPLACE FUNCTION refuse_inbox_{tree.Suffix}() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN IF NEW.user_id = '{userId}' THEN RAISE EXCEPTION 'inbox unavailable'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_inbox_{tree.Suffix} {timing} INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION refuse_inbox_{tree.Suffix}();
        """);

    private Task AllowInboxAsync(TestTree tree) =>
        app.AdminSqlAsync($"DROP TRIGGER refuse_inbox_{tree.Suffix} ON notifications; DROP FUNCTION refuse_inbox_{tree.Suffix}();");

    /// <summary>The open deliveries of the person's member-added event are due now, not at the end of their backoff.</summary>
    private Task RetryNowAsync(Guid tenantId, Guid userId) => app.AdminSqlAsync(
        $"UPDATE outbox_deliveries SET next_attempt_at = now() WHERE completed_at IS NULL AND message_id IN (SELECT id FROM outbox_messages WHERE payload->>'UserId' = '{userId}' AND tenant_id = '{tenantId}')");

    private async Task AddToRootAsync(TestTree tree, string userName)
    {
        using var client = await app.ClientForAsync(tree.RootSecretary);
        (await client.PostAsJsonAsync($"/t/{tree.Root}/api/members", new { email = $"{userName}@test.vn", roles = new[] { "StaffMember" } }))
            .EnsureSuccessStatusCode();
    }

    private Task<long> CountNotificationsAsync(Guid tenantId, Guid userId) =>
        app.AdminScalarAsync<long>($"SELECT count(*) FROM notifications WHERE tenant_id = '{tenantId}' AND user_id = '{userId}'");
}
