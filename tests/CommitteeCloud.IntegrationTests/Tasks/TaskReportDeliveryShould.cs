using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>A report's delivery to the assigner fails halfway or is repeated: its effects land exactly once.</summary>
public sealed class TaskReportDeliveryShould(AppFixture app)
{
    [Fact]
    public async Task Apply_a_report_exactly_once_after_a_crash_halfway_and_a_redelivery()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var created = await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new { task = new { title = "Đối thoại với Nhân dân", leadTenantIds = new[] { a } } }).OkJsonAsync();
        var aTask = (await aClient.TasksAsync(tree.ChildA)).GetProperty("items")[0].Id();
        var rootTenant = await app.TenantIdAsync(tree.Root);
        var marker = $"FAIL-{tree.Suffix}";

        // The assigner's copy of the entry fails the first time it is written, after the hand-off was updated.
        await app.AdminSqlAsync($"""
            CREATE SEQUENCE fail_once_{tree.Suffix};
            CREATE FUNCTION fail_once_{tree.Suffix}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS
              $$ BEGIN IF nextval('fail_once_{tree.Suffix}') = 1 THEN RAISE EXCEPTION 'injected crash'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fail_once_{tree.Suffix} BEFORE INSERT ON task_updates FOR EACH ROW
              WHEN (NEW.tenant_id = '{rootTenant}' AND NEW.text = '{marker}') EXECUTE FUNCTION fail_once_{tree.Suffix}();
            """);
        try
        {
            await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/progress", new { text = marker, percent = 60 });
            var detail = await Eventually.ValueAsync(() => root.TaskAsync(tree.Root, created.Id()),
                t => t.GetProperty("thread").EnumerateArray().Any(u => u.GetProperty("text").GetString() == marker), TimeSpan.FromSeconds(20));
            Assert.Equal(60m, detail.GetProperty("percent").GetDecimal());
        }
        finally
        {
            await app.AdminSqlAsync($"DROP TRIGGER fail_once_{tree.Suffix} ON task_updates; DROP FUNCTION fail_once_{tree.Suffix}(); DROP SEQUENCE fail_once_{tree.Suffix};");
        }
        Assert.True(await app.AdminScalarAsync<int>($"""
            SELECT max(d.attempts) FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id
            WHERE m.tenant_id = '{rootTenant}' AND m.type = 'TaskStatusReported' AND m.payload::text LIKE '%{marker}%'
            """) >= 2);

        // A dispatcher that died after committing but before recording it delivers again: nothing doubles.
        await app.AdminSqlAsync($"""
            UPDATE outbox_deliveries SET completed_at = NULL, locked_until = NULL, next_attempt_at = now() - interval '1 second'
            WHERE message_id IN (SELECT id FROM outbox_messages WHERE tenant_id = '{rootTenant}' AND type = 'TaskStatusReported')
            """);
        await Eventually.ValueAsync(() => app.AdminScalarAsync<long>($"""
            SELECT count(*) FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id
            WHERE m.tenant_id = '{rootTenant}' AND m.type = 'TaskStatusReported' AND d.completed_at IS NULL
            """), n => n == 0);
        var thread = (await root.TaskAsync(tree.Root, created.Id())).GetProperty("thread").EnumerateArray().ToList();
        Assert.Single(thread, u => u.GetProperty("text").GetString() == marker);
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"""
            SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE u.user_name = '{tree.RootSecretary}' AND n.kind = 'task-progress'
            """));
    }
}
