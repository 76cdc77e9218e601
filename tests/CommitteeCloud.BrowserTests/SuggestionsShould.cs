using Npgsql;

namespace CommitteeCloud.BrowserTests;

/// <summary>
/// A member sends an anonymous suggestion through the page: they get a receipt code, the database keeps nothing that
/// identifies them or the time, and the unit's handler finds it on the board as anonymous.
/// </summary>
public sealed class SuggestionsShould(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Take_an_anonymous_suggestion_from_the_page_store_nothing_identifying_and_show_it_on_the_board()
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        var sender = await app.UserIdAsync(tree.AStaff);
        var subject = $"Phòng một cửa thiếu ghế chờ {tree.Suffix}";

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(tree.AStaff, $"/t/{tree.ChildA}/suggestions");
        await page.WaitUntilLiveAsync();
        var userAgent = await page.EvaluateAsync<string>("navigator.userAgent");
        await Assertions.Expect(page.GetByTestId("anonymity-explanation")).ToContainTextAsync("không lưu giờ phút gửi");
        // The tree's own set-up events (members added) are delivered first: they write in the tenant too.
        await Eventually.ValueAsync(() => app.AdminScalarAsync<long>($"""
            SELECT count(*) FROM outbox_deliveries d JOIN outbox_messages m ON m.id = d.message_id JOIN tenants t ON t.id = m.tenant_id
            WHERE t.code LIKE '%{tree.Suffix}' AND d.completed_at IS NULL AND d.failed_at IS NULL
            """), n => n == 0);
        var before = long.Parse((await app.AdminScalarAsync<string>("SELECT pg_current_xact_id()::text"))!, System.Globalization.CultureInfo.InvariantCulture);

        await page.Field("suggestion-subject").FillAsync(subject);
        await page.Locator("textarea[data-testid=suggestion-content]").FillAsync("Đề nghị bố trí thêm ghế cho người dân chờ làm thủ tục.");
        await page.GetByTestId("suggestion-submit").ClickAsync();
        var code = page.GetByTestId("receipt-code");
        await Assertions.Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$"));

        // As superuser: every row written since, in every table. None names the sender, their address or browser; in
        // the tenant, only the suggestion row was written, and it holds a date, no time.
        var written = await RowsWrittenSinceAsync(before);
        foreach (var (table, row) in written)
            foreach (var value in new[] { sender.ToString(), tree.AStaff, $"Người dùng {tree.AStaff}", "127.0.0.1", userAgent })
                Assert.False(row.Contains(value, StringComparison.OrdinalIgnoreCase), $"{table} holds '{value}': {row}");
        var inTenant = written.Where(r => r.Row.Contains(tenantA.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(["suggestions"], inTenant.Select(r => r.Table));
        Assert.Contains("\"is_anonymous\":true", inTenant[0].Row);
        Assert.Contains("\"author_user_id\":null", inTenant[0].Row);
        Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2}", inTenant[0].Row);

        // The secretary's board has it, as anonymous.
        var board = await browser.NewPageAsync(app.BaseAddress);
        await board.SignInAsync(tree.ASecretary, $"/t/{tree.ChildA}/suggestions");
        await board.WaitUntilLiveAsync();
        await board.GetByText("Xử lý góp ý").ClickAsync();
        var card = board.GetByTestId("board").GetByTestId("suggestion-card").Filter(new() { HasText = subject });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("Ẩn danh");
        await Assertions.Expect(card.GetByTestId("suggestion-status")).ToHaveTextAsync("Đã tiếp nhận");
    }

    private async Task<List<(string Table, string Row)>> RowsWrittenSinceAsync(long xid)
    {
        await using var conn = new NpgsqlConnection(app.Database.AdminConnectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t WHERE t.xmin::text::bigint >= {xid}", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((table, reader.GetString(0)));
        }
        return rows;
    }
}
