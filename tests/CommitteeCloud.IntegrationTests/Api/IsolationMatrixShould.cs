namespace CommitteeCloud.IntegrationTests.Api;

/// <summary>
/// Every tenant endpoint, called on tenant A by people who are not members of A (a sibling, a child, the parent,
/// a stranger from another tree) and by nobody: they get 404/401 and learn nothing, and nothing is written.
/// </summary>
public sealed class IsolationMatrixShould(AppFixture app)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/tenant" },
        { "GET", "/api/members" },
        { "POST", "/api/members" },
        { "GET", "/api/roles" },
        { "PUT", "/api/roles/01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c" },
        { "GET", "/api/audit" },
        { "GET", "/api/permissions" },
        { "GET", "/api/tree" },
        { "GET", "/api/tree/leader-coverage" },
        { "GET", "/api/tree/ancestors" },
        { "POST", "/api/tenants" },
        { "PUT", "/api/tenants/{a1}" },
        { "POST", "/api/tenants/{a1}/suspend" },
        { "POST", "/api/tenants/{a1}/reactivate" },
        { "POST", "/api/tenants/{a1}/move" },
        { "PUT", "/api/members/{aMember}" },
        { "DELETE", "/api/members/{aMember}" },
        { "GET", "/api/leader-assignments" },
        { "POST", "/api/leader-assignments" },
        { "GET", "/api/files/limits" },
        { "POST", "/api/files" },
        { "GET", "/api/files/{aFile}" },
        { "GET", "/api/files/{aFile}/meta" },
        { "GET", "/api/directives" },
        { "POST", "/api/directives" },
        { "GET", "/api/directives/recipient-options" },
        { "GET", "/api/directives/{aDirective}" },
        { "PUT", "/api/directives/{aDirective}" },
        { "POST", "/api/directives/{aDirective}/split-points" },
        { "POST", "/api/directives/{aDirective}/points" },
        { "PUT", "/api/directives/{aDirective}/points/{aTask}" },
        { "DELETE", "/api/directives/{aDirective}/points/{aTask}" },
        { "POST", "/api/directives/{aDirective}/issue" },
        { "POST", "/api/directives/{aDirective}/withdraw" },
        { "GET", "/api/tasks" },
        { "POST", "/api/tasks" },
        { "GET", "/api/tasks/{aTask}" },
        { "PUT", "/api/tasks/{aTask}" },
        { "GET", "/api/tasks/{aTask}/cascade" },
        { "POST", "/api/tasks/{aTask}/acknowledge" },
        { "POST", "/api/tasks/{aTask}/reject" },
        { "POST", "/api/tasks/{aTask}/progress" },
        { "POST", "/api/tasks/{aTask}/result" },
        { "POST", "/api/tasks/{aTask}/complete" },
        { "POST", "/api/tasks/{aTask}/pause" },
        { "POST", "/api/tasks/{aTask}/resume" },
        { "POST", "/api/tasks/{aTask}/cancel" },
        { "POST", "/api/tasks/{aTask}/notes" },
        { "POST", "/api/tasks/{aTask}/explanation" },
        { "POST", "/api/tasks/{aTask}/handoffs" },
        { "POST", "/api/tasks/{aTask}/handoffs/{aHandoff}/decision" },
        { "POST", "/api/task-nodes/{aTask}/explanation-requests" },
        { "POST", "/api/suggestions" },
        { "GET", "/api/suggestions/mine" },
        { "POST", "/api/suggestions/lookup" },
        { "GET", "/api/suggestions/published" },
        { "GET", "/api/suggestions/board" },
        { "GET", "/api/suggestions/responsibles" },
        { "GET", "/api/suggestions/{aSuggestion}" },
        { "POST", "/api/suggestions/{aSuggestion}/route" },
        { "POST", "/api/suggestions/{aSuggestion}/answer" },
        { "POST", "/api/suggestions/{aSuggestion}/publish" },
        { "POST", "/api/suggestions/{aSuggestion}/close" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_sibling_tenant_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.BSecretary, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_child_tenant_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.A1Member, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_parent_secretary_who_is_not_a_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.RootSecretary, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_stranger_from_another_tree(string method, string path) =>
        await AssertOutsiderRefused(t => t.Stranger, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_401_to_an_anonymous_caller(string method, string path) =>
        await AssertOutsiderRefused(null, method, path, HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("POST", "/api/members")]
    [InlineData("PUT", "/api/roles/01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c")]
    [InlineData("GET", "/api/tree")]
    [InlineData("GET", "/api/tree/leader-coverage")]
    [InlineData("POST", "/api/tenants")]
    [InlineData("PUT", "/api/tenants/{a1}")]
    [InlineData("POST", "/api/tenants/{a1}/suspend")]
    [InlineData("POST", "/api/tenants/{a1}/move")]
    [InlineData("PUT", "/api/members/{aMember}")]
    [InlineData("DELETE", "/api/members/{aMember}")]
    [InlineData("POST", "/api/leader-assignments")]
    [InlineData("GET", "/api/suggestions/board")]
    [InlineData("GET", "/api/suggestions/responsibles")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/route")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/answer")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/publish")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/close")]
    public async Task Answer_403_to_a_member_without_the_permission(string method, string path)
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.AStaff);
        var response = await SendAsync(client, method, $"/t/{tree.ChildA}{await ResolveAsync(tree, path)}");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("POST", "/api/tenants/{a}/suspend")]
    [InlineData("PUT", "/api/tenants/{a}")]
    [InlineData("POST", "/api/leader-assignments")]
    public async Task Let_an_ancestor_s_supervisor_read_but_never_write_below(string method, string path)
    {
        var tree = await app.CreateTreeAsync();
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/t/{tree.Root}/api/tree")).StatusCode);
        var response = await SendAsync(supervisor, method, $"/t/{tree.Root}{await ResolveAsync(tree, path)}");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Fills placeholders with the tree's own codes and ids: a real target, so only access decides.</summary>
    private async Task<string> ResolveAsync(TestTree tree, string path)
    {
        if (path.Contains("{aMember}", StringComparison.Ordinal))
        {
            var id = await app.AdminScalarAsync<string>(
                $"SELECT m.id::text FROM memberships m JOIN tenants t ON t.id = m.tenant_id JOIN users u ON u.id = m.user_id WHERE t.code = '{tree.ChildA}' AND u.user_name = '{tree.ASecretary}'");
            path = path.Replace("{aMember}", id, StringComparison.Ordinal);
        }
        if (path.Contains("{aFile}", StringComparison.Ordinal))
        {
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var uploaded = await secretary.PostAsync($"/t/{tree.ChildA}/api/files", FileForm());
            uploaded.EnsureSuccessStatusCode();
            var id = (await uploaded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
            path = path.Replace("{aFile}", id, StringComparison.Ordinal);
        }
        if (path.Contains("{aTask}", StringComparison.Ordinal) || path.Contains("{aDirective}", StringComparison.Ordinal))
        {
            // A's own task handed to its cell, and a draft directive with one point: real ids in A for outsiders to try.
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var a1 = await app.TenantIdAsync(tree.GrandchildA1);
            var task = await (await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/tasks",
                new { task = new { title = "Nhiệm vụ nội bộ của xã A", leadTenantIds = new[] { a1 } } })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            var directive = await (await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/directives",
                new { directive = new { kind = "Plan", number = "1-KH/ĐU", issuingBody = "Đảng ủy xã A", subject = "Kế hoạch nội bộ", body = "1. Điểm một.", recipientTenantIds = new[] { a1 } }, splitPoints = true }))
                .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            path = path.Replace("{aTask}", path.Contains("/points/", StringComparison.Ordinal)
                    ? directive.GetProperty("points")[0].GetProperty("taskId").GetString()! : task.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aDirective}", directive.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aHandoff}", task.GetProperty("handoffs")[0].GetProperty("id").GetString()!, StringComparison.Ordinal);
        }
        if (path.Contains("{aSuggestion}", StringComparison.Ordinal))
        {
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var sent = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/suggestions",
                new { subject = "Góp ý nội bộ của xã A", content = "Nội dung", category = "Other", anonymous = false });
            sent.EnsureSuccessStatusCode();
            var id = (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
            path = path.Replace("{aSuggestion}", id, StringComparison.Ordinal);
        }
        return path.Replace("{a1}", tree.GrandchildA1, StringComparison.Ordinal).Replace("{a}", tree.ChildA, StringComparison.Ordinal);
    }

    private async Task AssertOutsiderRefused(Func<TestTree, string>? caller, string method, string path, HttpStatusCode expected)
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        path = await ResolveAsync(tree, path);
        var before = await WrittenInAsync(tenantA);
        using var client = caller is null ? app.Anonymous() : await app.ClientForAsync(caller(tree));

        foreach (var url in new[] { $"/t/{tree.ChildA}{path}", path })
        {
            using var request = Request(method, url);
            if (url == path) request.Headers.Add("X-Tenant", tree.ChildA);
            var response = await client.SendAsync(request);
            var problem = await response.ShouldBeProblemAsync(expected);
            var body = problem.ToString();
            Assert.DoesNotContain(tree.ASecretary, body);
            Assert.DoesNotContain("Đảng ủy xã A", body);
        }
        Assert.Equal(before, await WrittenInAsync(tenantA));
        Assert.Equal(0L, await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM tenants WHERE (name = 'Kẻ lạ' AND path <@ (SELECT path FROM tenants WHERE code = '{tree.ChildA}')) OR (code LIKE '%{tree.Suffix}' AND (status = 'Suspended' OR name = 'x'))"));
        Assert.Equal(await app.TenantIdAsync(tree.ChildA), Guid.Parse((await app.AdminScalarAsync<string>($"SELECT parent_id::text FROM tenants WHERE code = '{tree.GrandchildA1}'"))!));
    }

    private Task<long> WrittenInAsync(Guid tenantId) => app.AdminScalarAsync<long>(
        $"SELECT (SELECT count(*) + (SELECT count(*) FROM task_updates WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM directives WHERE tenant_id = '{tenantId}') FROM tasks WHERE tenant_id = '{tenantId}') * 1000000000000 + (SELECT count(*) FROM stored_files WHERE tenant_id = '{tenantId}') * 1000000000 + (SELECT count(*) FROM memberships WHERE tenant_id = '{tenantId}') * 1000000 + (SELECT count(*) FROM audit_entries WHERE tenant_id = '{tenantId}') * 1000 + (SELECT count(*) FROM leader_assignments WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM suggestions WHERE tenant_id = '{tenantId}') * 100 + (SELECT count(*) FROM suggestions WHERE tenant_id = '{tenantId}' AND status <> 'Received') * 10");

    /// <summary>A valid upload: a small PDF in the field <c>file</c>.</summary>
    private static MultipartFormDataContent FileForm() =>
        new() { { new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n%%EOF\n")), "file", "minh-chung.pdf" } };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) => client.SendAsync(Request(method, url));

    /// <summary>Well-formed bodies, so that validation never answers before access control does.</summary>
    private static HttpRequestMessage Request(string method, string url)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        object? body = (method, url) switch
        {
            ("POST", var u) when u.EndsWith("/api/members", StringComparison.Ordinal) =>
                new { email = "intruder@test.vn", fullName = "Kẻ lạ", roles = new[] { "Secretary" }, initialPassword = "KiemThu@2026" },
            ("POST", var u) when u.EndsWith("/api/tenants", StringComparison.Ordinal) =>
                new { code = $"intruder-{suffix}", name = "Kẻ lạ", kind = "Cell", levelLabel = "Chi bộ" },
            ("POST", var u) when u.EndsWith("/move", StringComparison.Ordinal) => new { newParentCode = "khong-ton-tai" },
            ("POST", var u) when u.EndsWith("/api/leader-assignments", StringComparison.Ordinal) => new
            {
                decisionNumber = "1-QĐ/ĐU", decisionDate = "2026-01-02", signer = "X", signerCapacity = "Bí thư",
                leaderMembershipId = Guid.CreateVersion7(), position = "Phó Bí thư", scope = "Toàn diện", effectiveFrom = "2026-01-05",
            },
            ("PUT", var u) when u.Contains("/api/roles/", StringComparison.Ordinal) => new { displayName = "x", permissions = Array.Empty<string>(), version = 1 },
            ("PUT", var u) when u.Contains("/api/tenants/", StringComparison.Ordinal) => new { name = "x", kind = "Cell", levelLabel = "x", version = 1 },
            ("PUT", var u) when u.Contains("/api/members/", StringComparison.Ordinal) => new { roles = new[] { "StaffMember" }, position = "x" },
            ("POST", var u) when u.EndsWith("/api/tasks", StringComparison.Ordinal) => new { task = new { title = "Kẻ lạ giao việc" } },
            ("PUT", var u) when u.Contains("/api/tasks/", StringComparison.Ordinal) => new { task = new { title = "Kẻ lạ sửa" }, version = 1 },
            ("POST", var u) when u.EndsWith("/api/directives", StringComparison.Ordinal) => new
            {
                directive = new { kind = "Plan", number = $"9-KH/{suffix}", issuingBody = "Kẻ lạ", subject = "Kẻ lạ" },
            },
            ("PUT", var u) when u.Contains("/points/", StringComparison.Ordinal) => new { task = new { title = "Kẻ lạ sửa" }, version = 1 },
            ("PUT", var u) when u.Contains("/api/directives/", StringComparison.Ordinal) => new
            {
                directive = new { kind = "Plan", number = "9-KH", issuingBody = "Kẻ lạ", subject = "Kẻ lạ" }, version = 1,
            },
            ("POST", var u) when u.EndsWith("/points", StringComparison.Ordinal) => new { title = "Kẻ lạ thêm điểm" },
            ("POST", var u) when u.EndsWith("/withdraw", StringComparison.Ordinal) || u.EndsWith("/reject", StringComparison.Ordinal) => new { reason = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/progress", StringComparison.Ordinal) => new { text = "Kẻ lạ", percent = 10 },
            ("POST", var u) when u.EndsWith("/result", StringComparison.Ordinal) || u.EndsWith("/notes", StringComparison.Ordinal)
                || u.EndsWith("/explanation", StringComparison.Ordinal) || u.EndsWith("/explanation-requests", StringComparison.Ordinal) => new { text = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/handoffs", StringComparison.Ordinal) => new { leadTenantIds = new[] { Guid.CreateVersion7() } },
            ("POST", var u) when u.EndsWith("/decision", StringComparison.Ordinal) => new { decision = "cancel" },
            ("POST", var u) when u.EndsWith("/api/suggestions", StringComparison.Ordinal) =>
                new { subject = "Kẻ lạ góp ý", content = "Kẻ lạ", category = "Other", anonymous = true },
            ("POST", var u) when u.EndsWith("/suggestions/lookup", StringComparison.Ordinal) => new { receiptCode = "AAAA-BBBB-CCCC-DDDD" },
            ("POST", var u) when u.Contains("/api/suggestions/", StringComparison.Ordinal) && u.EndsWith("/route", StringComparison.Ordinal) =>
                new { responsibleUserId = Guid.NewGuid() },
            ("POST", var u) when u.Contains("/api/suggestions/", StringComparison.Ordinal) => new { text = "Kẻ lạ" },
            _ => null,
        };
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST" && url.EndsWith("/api/files", StringComparison.Ordinal)) request.Content = FileForm();
        else if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }
}
