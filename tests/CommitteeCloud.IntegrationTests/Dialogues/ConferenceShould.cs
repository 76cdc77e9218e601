using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Dialogues;

/// <summary>Hội nghị cán bộ, công chức, viên chức: quorum of two thirds, majority of those present, one a year.</summary>
public sealed class ConferenceShould(AppFixture app)
{
    private static object Record(int headcount, int attendance, object[]? resolutions = null, object[]? candidates = null) =>
        new { headcount, attendance, resolutions = resolutions ?? [], candidates = candidates ?? [] };

    [Fact]
    public async Task Refuse_to_hold_the_conference_without_two_thirds_of_the_staff()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var conference = await secretary.ScheduleAsync(tree.ChildA, kind: "StaffConference", title: "Hội nghị CBCCVC năm nay");
        Assert.Equal(7, conference.GetProperty("conference").GetProperty("agendaItems").GetArrayLength());
        var id = conference.Id();

        await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference", Record(30, 19)).OkJsonAsync();
        var refused = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/hold", new { });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.FieldErrors("attendance"), m => m.Contains("2/3") && m.Contains("20/30"));
        Assert.Equal("Scheduled", (await secretary.DialogueAsync(tree.ChildA, id)).Str("status"));

        await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference", Record(30, 20)).OkJsonAsync();
        var held = await secretary.HoldAsync(tree.ChildA, id);
        Assert.Equal("Held", held.Str("status"));
        Assert.True(held.GetProperty("conference").GetProperty("hasQuorum").GetBoolean());

        // Once held, attendance cannot drop below the quorum either.
        var lowered = await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference", Record(30, 12));
        Assert.NotEmpty((await lowered.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("attendance"));
    }

    [Fact]
    public async Task Pass_resolutions_and_elect_the_inspection_board_with_more_than_half_of_those_present()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var id = (await secretary.ScheduleAsync(tree.ChildA, kind: "StaffConference", title: "Hội nghị CBCCVC")).Id();
        var recorded = await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference", Record(24, 20,
            [new { title = "Nghị quyết hội nghị", @for = 11, against = 5, abstain = 4 }, new { title = "Quy chế chi tiêu nội bộ sửa đổi", @for = 10, against = 10, abstain = 0 }],
            [new { name = "Hoàng Văn Thanh", votes = 11 }, new { name = "Lý Thị Tra", votes = 10 }])).OkJsonAsync();
        var c = recorded.GetProperty("conference");
        Assert.True(c.GetProperty("resolutions")[0].GetProperty("passed").GetBoolean());
        Assert.False(c.GetProperty("resolutions")[1].GetProperty("passed").GetBoolean());
        Assert.True(c.GetProperty("candidates")[0].GetProperty("elected").GetBoolean());
        Assert.False(c.GetProperty("candidates")[1].GetProperty("elected").GetBoolean());
    }

    [Fact]
    public async Task Refuse_votes_above_attendance_and_write_nothing()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var id = (await secretary.ScheduleAsync(tree.ChildA, kind: "StaffConference", title: "Hội nghị CBCCVC")).Id();
        await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference",
            Record(30, 25, [new { title = "Nghị quyết", @for = 20, against = 3, abstain = 2 }])).OkJsonAsync();

        var tooMany = await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference",
            Record(30, 22, [new { title = "Nghị quyết", @for = 20, against = 3, abstain = 2 }], [new { name = "Ứng viên", votes = 5 }]));
        Assert.NotEmpty((await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("resolutions[0].for"));
        var ballots = await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference",
            Record(30, 22, [], [new { name = "Ứng viên", votes = 23 }]));
        Assert.NotEmpty((await ballots.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("candidates[0].votes"));
        var crowd = await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{id}/conference", Record(30, 31));
        Assert.NotEmpty((await crowd.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("attendance"));

        var c = (await secretary.DialogueAsync(tree.ChildA, id)).GetProperty("conference");
        Assert.Equal(25, c.GetProperty("attendance").GetInt32());
        Assert.Equal(1, c.GetProperty("resolutions").GetArrayLength());
        Assert.Equal(0, c.GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task Allow_one_conference_a_year()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var first = (await secretary.ScheduleAsync(tree.ChildA, kind: "StaffConference", title: "Hội nghị thứ nhất")).Id();
        var second = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues", new
        {
            kind = "StaffConference", dialogue = new { title = "Hội nghị thứ hai", date = DialogueApi.Today.ToString("yyyy-MM-dd"), place = "x", chairName = "x" },
        });
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await secretary.PostOkAsync($"/t/{tree.ChildA}/api/dialogues/{first}/cancel");
        await secretary.ScheduleAsync(tree.ChildA, kind: "StaffConference", title: "Hội nghị tổ chức lại");
    }
}
