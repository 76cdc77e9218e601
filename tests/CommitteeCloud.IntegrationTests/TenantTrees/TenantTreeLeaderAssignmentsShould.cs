using System.Text.Json;
using CommitteeCloud.Web.Features.TenantTrees;

namespace CommitteeCloud.IntegrationTests.TenantTrees;

/// <summary>Leader-in-charge assignments (phân công lãnh đạo phụ trách công tác dân vận) kept in a tenant tree file.</summary>
public sealed class TenantTreeLeaderAssignmentsShould(AppFixture app) : TenantFileTest(app, "cc-tree-la-")
{

    private string Commune => $"lc-{_s}";

    /// <summary>
    /// A commune with a history of two decisions for the same scope, listed newest first (the loader sorts them).
    /// The error tests rely on its line numbers: keep the layout as written.
    /// </summary>
    private string Tree() => $$"""
        {
          "people": [
            { "userName": "l1.{{_s}}", "fullName": "Lăng Văn Một", "email": "l1.{{_s}}@test.vn", "password": "{{AppFixture.Password}}" },
            { "userName": "l2.{{_s}}", "fullName": "Tô Thị Hai", "email": "l2.{{_s}}@test.vn", "password": "{{AppFixture.Password}}" },
            { "userName": "l3.{{_s}}", "fullName": "Bế Văn Ba", "email": "l3.{{_s}}@test.vn", "password": "{{AppFixture.Password}}" }
          ],
          "tenants": [
            { "code": "lr-{{_s}}", "name": "Tỉnh ủy {{_s}}", "kind": "PartyCommittee", "level": "Tỉnh",
              "members": [ { "user": "l3.{{_s}}", "roles": ["Secretary"], "position": "Bí thư" } ] },
            { "code": "lc-{{_s}}", "name": "Đảng ủy xã {{_s}}", "kind": "GrassrootsCommittee", "level": "Xã", "parent": "lr-{{_s}}",
              "members": [
                { "user": "l1.{{_s}}", "roles": ["Secretary"], "position": "Bí thư Đảng ủy" },
                { "user": "l2.{{_s}}", "roles": ["StaffMember"], "position": "Phó Bí thư Đảng ủy" }
              ],
              "leaderAssignments": [
                { "decisionNumber": "40-QĐ/ĐU", "decisionDate": "2025-03-01",
                  "signer": "Hoàng Văn Thắng", "signerCapacity": "T/M Ban Thường vụ, Bí thư",
                  "leader": "l1.{{_s}}", "position": "Bí thư Đảng ủy",
                  "scope": "Toàn diện công tác dân vận",
                  "effectiveFrom": "2025-03-01", "effectiveTo": null },
                { "decisionNumber": "12-QĐ/ĐU", "decisionDate": "2023-01-05",
                  "signer": "Nông Đức Minh", "signerCapacity": "T/M Đảng ủy, Bí thư",
                  "leader": "l2.{{_s}}", "position": "Phó Bí thư Đảng ủy",
                  "scope": "toàn diện công tác dân vận",
                  "effectiveFrom": "2023-01-05", "effectiveTo": "2025-12-31" }
              ] }
          ]
        }
        """;

    /// <summary>One more decision for the commune, after the two of <see cref="Tree"/>.</summary>
    private static string Decision(string number, string from, string leader, string scope = "Toàn diện công tác dân vận") => $$"""
        ,
                { "decisionNumber": "{{number}}", "decisionDate": "{{from}}", "signer": "Hoàng Văn Thắng",
                  "signerCapacity": "T/M Ban Thường vụ, Bí thư", "leader": "{{leader}}", "position": "Phó Bí thư Đảng ủy",
                  "scope": "{{scope}}", "effectiveFrom": "{{from}}" }
        """;

    private string WithDecision(string decision) =>
        Tree().Replace("\"effectiveTo\": \"2025-12-31\" }", "\"effectiveTo\": \"2025-12-31\" }" + decision.TrimEnd());

    private Task<long[]> RowsAsync() => CountRowsAsync("memberships", "leader_assignments", "audit_entries");

    private async Task<List<JsonElement>> AssignmentsAsync(bool inForce = true)
    {
        using var client = await App.ClientForAsync($"l1.{_s}");
        var list = await client.GetFromJsonAsync<JsonElement>($"/t/{Commune}/api/leader-assignments", TestContext.Current.CancellationToken);
        Assert.Equal(inForce, list.GetProperty("hasAssignmentInForce").GetBoolean());
        return [.. list.GetProperty("assignments").EnumerateArray()];
    }

    private static string[] Column(List<JsonElement> list, string name) => [.. list.Select(a => a.GetProperty(name).ToString() ?? "")];

    [Fact]
    public async Task Create_a_history_oldest_first_with_the_older_decision_superseded_and_the_newer_in_force()
    {
        var result = await ApplyAsync(await WriteAsync(Tree()));

        Assert.Equal(new TenantTreeResult(3, 2, 3, LeaderAssignmentsCreated: 2), result);
        Assert.Contains("leader assignments 2 created", result.ToString());
        var list = await AssignmentsAsync();
        Assert.Equal(["40-QĐ/ĐU", "12-QĐ/ĐU"], Column(list, "decisionNumber"));
        Assert.Equal(["Current", "Superseded"], Column(list, "status"));
        Assert.Equal(["True", "False"], Column(list, "inForce"));
        Assert.Equal(["Lăng Văn Một", "Tô Thị Hai"], Column(list, "leaderName"));
        Assert.Equal(["", "2025-02-28"], Column(list, "effectiveTo")); // superseded the day before the new one starts
        Assert.Equal(["Hoàng Văn Thắng", "Nông Đức Minh"], Column(list, "signer"));
        Assert.Equal("T/M Ban Thường vụ, Bí thư", list[0].GetProperty("signerCapacity").GetString());
        Assert.Equal("2025-03-01", list[0].GetProperty("decisionDate").GetString());
        Assert.Equal("Bí thư Đảng ủy", list[0].GetProperty("position").GetString());
        Assert.Equal("Toàn diện công tác dân vận", list[0].GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Create_nothing_the_second_time_and_leave_a_recorded_decision_alone_even_if_the_file_differs()
    {
        var path = await WriteAsync(Tree());
        await ApplyAsync(path);
        var before = await RowsAsync();

        var second = await ApplyAsync(path);
        Assert.Equal(new TenantTreeResult(0, 0, 0), second);
        Assert.False(second.HasChanges);
        Assert.Equal(before, await RowsAsync());

        // Decisions are historical records: a file that remembers one differently changes nothing and is no error.
        var different = Tree().Replace("\"position\": \"Bí thư Đảng ủy\",", "\"position\": \"Bí thư Đảng ủy xã\",");
        Assert.False((await ApplyAsync(await WriteAsync(different, "different.json"))).HasChanges);
        Assert.Equal(before, await RowsAsync());
        Assert.Equal("Bí thư Đảng ủy", (await AssignmentsAsync())[0].GetProperty("position").GetString());
    }

    [Fact]
    public async Task Supersede_the_recorded_decision_in_force_with_a_new_one_added_to_the_file()
    {
        await ApplyAsync(await WriteAsync(Tree()));

        var result = await ApplyAsync(await WriteAsync(WithDecision(Decision("77-QĐ/ĐU", "2026-01-02", $"l2.{_s}")), "next.json"));

        Assert.Equal(new TenantTreeResult(0, 0, 0, LeaderAssignmentsCreated: 1), result);
        var list = await AssignmentsAsync();
        Assert.Equal(["77-QĐ/ĐU", "40-QĐ/ĐU", "12-QĐ/ĐU"], Column(list, "decisionNumber"));
        Assert.Equal(["Current", "Superseded", "Superseded"], Column(list, "status"));
        Assert.Equal("2026-01-01", list[1].GetProperty("effectiveTo").GetString());
    }

    [Fact]
    public async Task Refuse_a_decision_overlapping_a_recorded_one_for_the_same_scope_and_write_nothing()
    {
        await ApplyAsync(await WriteAsync(Tree()));
        var before = await RowsAsync();
        // Starts before 40-QĐ/ĐU, already recorded and in force for the same scope (written without diacritics).
        var path = await WriteAsync(WithDecision(Decision("50-QĐ/ĐU", "2024-06-01", $"l1.{_s}", scope: "Toan dien cong tac dan van")), "overlap.json");

        var error = await Assert.ThrowsAsync<TenantTreeFileException>(() => ApplyAsync(path));

        Assert.StartsWith($"{path}:28: tenants[1].leaderAssignments[2].effectiveFrom: ", error.Message);
        Assert.Contains("40-QĐ/ĐU", error.Message);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Accept_a_leader_who_is_a_member_in_the_database_but_not_in_the_file()
    {
        await ApplyAsync(await WriteAsync(Tree()));
        var withoutMembers = WithDecision(Decision("77-QĐ/ĐU", "2026-01-02", $"l2.{_s}"))
            .Replace($"{{ \"user\": \"l2.{_s}\", \"roles\": [\"StaffMember\"], \"position\": \"Phó Bí thư Đảng ủy\" }}", "");

        var result = await ApplyAsync(await WriteAsync(withoutMembers, "without.json"));

        Assert.Equal(1, result.LeaderAssignmentsCreated);
        Assert.Equal("Tô Thị Hai", (await AssignmentsAsync())[0].GetProperty("leaderName").GetString());
    }

    public static TheoryData<string, string, string, string> FileErrors => new()
    {
        // case, text to replace (once), replacement, expected "line: path"
        { "unknown leader", "\"leader\": \"l1.{s}\"", "\"leader\": \"ghost.{s}\"", ":18: tenants[1].leaderAssignments[0].leader: " },
        { "leader not a member of the tenant", "\"leader\": \"l1.{s}\"", "\"leader\": \"l3.{s}\"", ":18: tenants[1].leaderAssignments[0].leader: " },
        { "ends before it starts", "\"effectiveTo\": \"2025-12-31\"", "\"effectiveTo\": \"2022-12-31\"", ":25: tenants[1].leaderAssignments[1].effectiveTo: " },
        { "overlapping in the file", "\"effectiveFrom\": \"2023-01-05\"", "\"effectiveFrom\": \"2025-03-01\"", ":20: tenants[1].leaderAssignments[0].effectiveFrom: " },
        { "missing field", "\"scope\": \"Toàn diện công tác dân vận\",", "", ":16: tenants[1].leaderAssignments[0].scope: bắt buộc / required." },
        { "empty field", "\"signer\": \"Nông Đức Minh\"", "\"signer\": \" \"", ":22: tenants[1].leaderAssignments[1].signer: bắt buộc / required." },
        { "duplicate decision number", "\"decisionNumber\": \"12-QĐ/ĐU\"", "\"decisionNumber\": \"40-qđ/đu\"", ":21: tenants[1].leaderAssignments[1].decisionNumber: " },
        { "not a date", "\"decisionDate\": \"2023-01-05\"", "\"decisionDate\": \"05/01/2023\"", ":21: tenants[1].leaderAssignments[1].decisionDate: " },
        { "unknown field", "\"effectiveTo\": null", "\"effectiveUntil\": null", ":20: tenants[1].leaderAssignments[0].effectiveUntil: " },
    };

    [Theory]
    [MemberData(nameof(FileErrors))]
    public async Task Name_the_file_line_and_field_of_an_error_and_write_nothing(string @case, string find, string replace, string expected)
    {
        var text = Tree();
        find = find.Replace("{s}", _s);
        Assert.True(text.Split(find).Length == 2, $"{@case}: the template must contain {find} exactly once");
        var path = await WriteAsync(text.Replace(find, replace.Replace("{s}", _s)));

        var error = await Assert.ThrowsAsync<TenantTreeFileException>(() => ApplyAsync(path));

        Assert.StartsWith(path + expected, error.Message);
        Assert.Equal(new long[5], await RowsAsync());
    }
}
