using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Suggestions;

/// <summary>
/// An anonymous suggestion leaves nothing in the database that identifies its sender or the moment it was sent:
/// proved by reading, as superuser, every row of every table written by the submission.
/// </summary>
public sealed class AnonymityShould(AppFixture app)
{
    [Fact]
    public async Task Store_nothing_that_identifies_the_sender_or_the_time_of_an_anonymous_suggestion()
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        var sender = await app.UserIdAsync(tree.AStaff);
        var userAgent = $"ProbeBrowser/{Guid.NewGuid():N}";
        using var client = await app.ClientForAsync(tree.AStaff);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await client.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/suggestions/mine"); // signed in and warmed up
        await app.SettleAsync(tree);
        var before = await app.NextXidAsync();

        var submitted = await client.SubmitAsync(tree.ChildA, SuggestionApi.Anonymous($"Ẩn danh {tree.Suffix}"));
        var id = submitted.Id();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", submitted.Str("receiptCode"));
        await Task.Delay(TimeSpan.FromMilliseconds(600)); // let any late writer (dispatcher, projector) write if it were going to

        var written = await app.RowsWrittenSinceAsync(before);
        var identifying = new[] { sender.ToString(), sender.ToString("N"), tree.AStaff, $"Người dùng {tree.AStaff}", "127.0.0.1", userAgent };
        foreach (var (table, json) in written)
            foreach (var value in identifying)
                Assert.False(json.Contains(value, StringComparison.OrdinalIgnoreCase), $"{table} holds '{value}': {json}");

        // The only row the submission wrote in the tenant, or anywhere that names the suggestion, is the suggestion:
        // no audit entry, no outbox message or delivery, no notification, no read model.
        var related = written.Where(r => r.Row.Contains(tenantA.ToString(), StringComparison.OrdinalIgnoreCase)
            || r.Row.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(["suggestions"], related.Select(r => r.Table));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE entity_id = '{id}' OR changes::text LIKE '%{id}%'"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%{id}%'"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM notifications WHERE body LIKE '%{id}%' OR link LIKE '%{id}%' OR user_id = '{sender}' AND tenant_id = '{tenantA}' AND kind LIKE 'suggestion%'"));

        // The row: no person, no contact, the code only as a hash, a random (v4) id, the date and no time.
        var row = JsonDocument.Parse(related[0].Row).RootElement;
        Assert.True(row.GetProperty("is_anonymous").GetBoolean());
        foreach (var column in new[] { "author_user_id", "author_name", "contact_name", "contact_phone", "contact_email" })
            Assert.Equal(JsonValueKind.Null, row.GetProperty(column).ValueKind);
        Assert.Equal(64, row.Str("receipt_code_hash").Length);
        Assert.DoesNotContain(submitted.Str("receiptCode"), related[0].Row);
        Assert.Equal(4, id.Version);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row.Str("received_on"));
        Assert.Equal(1, row.GetProperty("revision").GetInt32());
        Assert.Equal(0L, await app.AdminScalarAsync<long>("""
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'suggestions' AND (data_type LIKE 'timestamp%' OR data_type LIKE 'time %' OR data_type = 'interval')
            """));
        foreach (var (_, relatedRow) in related)
            foreach (var property in JsonDocument.Parse(relatedRow).RootElement.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(property.Value.GetString(), out _))
                    Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", property.Value.GetString()!);
    }

    [Fact]
    public async Task Refuse_an_anonymous_suggestion_that_carries_identity_and_write_nothing()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.AStaff);
        var tenantA = await app.TenantIdAsync(tree.ChildA);

        var response = await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/suggestions", new
        {
            subject = "Góp ý", content = "Nội dung", category = "Other", anonymous = true, showNameWhenPublished = true,
            contactName = "Nguyễn Văn A", contactPhone = "0912345678", contactEmail = "a@test.vn",
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "contactName", "contactPhone", "contactEmail", "showNameWhenPublished" })
            Assert.NotEmpty(problem.FieldErrors(field));

        // A field the contract does not have (a client's own "senderName") is refused, not silently dropped.
        var invented = await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/suggestions", new
        {
            subject = "Góp ý", content = "Nội dung", category = "Other", anonymous = true, senderName = "Nguyễn Văn A",
        });
        await invented.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM suggestions WHERE tenant_id = '{tenantA}'"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE tenant_id = '{tenantA}' AND entity_type = 'Suggestion'"));
    }

    [Fact]
    public async Task Refuse_an_anonymous_row_with_a_sender_even_from_raw_sql()
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        var sender = await app.UserIdAsync(tree.AStaff);
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => app.AdminSqlAsync($"""
            INSERT INTO suggestions (tenant_id, id, subject, content, category, is_anonymous, author_user_id, show_author_name, receipt_code_hash, received_on, status, revision)
            VALUES ('{tenantA}', gen_random_uuid(), 's', 'c', 'Other', true, '{sender}', false, 'x', current_date, 'Received', 1)
            """));
        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, error.SqlState);
    }
}
