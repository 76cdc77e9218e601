using System.Text.Json;
using Npgsql;

namespace CommitteeCloud.IntegrationTests.Suggestions;

/// <summary>The calls and database probes the suggestion-box tests share.</summary>
public static class SuggestionApi
{
    public static object Anonymous(string subject = "Phòng làm việc thiếu ánh sáng") =>
        new { subject, content = "Đề nghị lắp thêm đèn ở phòng một cửa.", category = "WorkingConditions", anonymous = true };

    public static object Named(string subject = "Rút gọn thủ tục xin nghỉ phép", bool showName = true) => new
    {
        subject, content = "Đề nghị cho phép gửi đơn nghỉ phép qua phần mềm.", category = "AdministrativeProcedures", anonymous = false,
        showNameWhenPublished = showName, contactPhone = "0912 345 678",
    };

    public static async Task<JsonElement> SubmitAsync(this HttpClient client, string tenant, object body)
    {
        var response = await client.PostAsJsonAsync($"/t/{tenant}/api/suggestions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Every row of every table that the current transaction id or a later one wrote, as JSON text.</summary>
    public static async Task<List<(string Table, string Row)>> RowsWrittenSinceAsync(this AppFixture app, long xid)
    {
        await using var conn = new NpgsqlConnection(app.Database.AdminConnectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains("suggestions", tables);
        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            // xmin of a fresh test cluster never wraps: a row written after the snapshot has an xmin at least as large.
            await using var cmd = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t WHERE t.xmin::text::bigint >= {xid}", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((table, reader.GetString(0)));
        }
        return rows;
    }

    public static async Task<long> NextXidAsync(this AppFixture app) =>
        long.Parse((await app.AdminScalarAsync<string>("SELECT pg_current_xact_id()::text"))!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the events of the tree's own set-up are delivered, so that nothing else writes in its tenants meanwhile.</summary>
    public static Task SettleAsync(this AppFixture app, TestTree tree) => Eventually.ValueAsync(
        () => app.AdminScalarAsync<long>($"""
            SELECT count(*) FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id
            JOIN tenants t ON t.id = m.tenant_id
            WHERE t.code LIKE '%{tree.Suffix}' AND d.completed_at IS NULL AND d.failed_at IS NULL
            """), n => n == 0);
}
