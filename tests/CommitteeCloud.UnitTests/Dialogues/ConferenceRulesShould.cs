using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Dialogues;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Dialogues;

public sealed class ConferenceRulesShould
{
    [Theory]
    [InlineData(30, 20, true)]
    [InlineData(30, 19, false)]
    [InlineData(10, 7, true)]
    [InlineData(10, 6, false)]
    [InlineData(3, 2, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 0, false)]
    public void Need_two_thirds_of_the_staff_present(int headcount, int attendance, bool quorum) =>
        Assert.Equal(quorum, ConferenceRules.HasQuorum(headcount, attendance));

    [Property]
    public Property Agree_that_the_quorum_is_the_smallest_attendance_of_at_least_two_thirds() =>
        Prop.ForAll(Gen.Choose(1, 100_000).ToArbitrary(), headcount =>
        {
            var quorum = ConferenceRules.QuorumOf(headcount);
            return ConferenceRules.HasQuorum(headcount, quorum) && !ConferenceRules.HasQuorum(headcount, quorum - 1)
                   && 3L * quorum >= 2L * headcount && 3L * (quorum - 1) < 2L * headcount;
        });

    [Property]
    public Property Pass_with_more_than_half_of_those_present_never_with_a_tie() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), attendance =>
            !ConferenceRules.IsMajority(attendance / 2, attendance) && ConferenceRules.IsMajority(attendance / 2 + 1, attendance));

    [Property]
    public Property Refuse_more_ballots_than_people_present() =>
        Prop.ForAll(Gen.Choose(0, 500).ToArbitrary(), Gen.Choose(0, 250_000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(),
            (yes, packed, attendance) =>
            {
                var (no, abstain) = (packed / 500, packed % 500);
                var refused = Record.Exception(() => ConferenceRules.CheckVotes(yes, no, abstain, attendance, "resolutions[0].for"));
                return (refused is DomainRuleException { Field: "resolutions[0].for" }) == (yes + no + abstain > attendance)
                       && (refused is null || refused is DomainRuleException);
            });
}

public sealed class DialogueShould
{
    private static readonly DateTimeOffset Now = new(2026, 5, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 5, 5);

    private static Dialogue New(DialogueKind kind = DialogueKind.WithStaff, DateOnly? date = null) =>
        new(kind, new DialogueDetails("Đối thoại", null, date ?? Today, null, "Hội trường", null, "Chủ trì", null, null), Now);

    [Fact]
    public void Refuse_to_hold_a_conference_below_quorum_and_hold_it_with_one()
    {
        var conference = New(DialogueKind.StaffConference);
        Assert.Equal(Dialogue.DefaultConferenceAgenda, conference.AgendaItems);
        conference.RecordConference(30, 19, conference.AgendaItems, [], [], Now);
        var refused = Assert.Throws<DomainRuleException>(() => conference.MarkHeld(null, Today, Now));
        Assert.Equal("attendance", refused.Field);
        Assert.Equal(DialogueStatus.Scheduled, conference.Status);
        conference.RecordConference(30, 20, conference.AgendaItems, [], [], Now);
        conference.MarkHeld(null, Today, Now);
        Assert.Equal(DialogueStatus.Held, conference.Status);
    }

    [Fact]
    public void Leave_the_conference_untouched_when_one_count_is_wrong()
    {
        var conference = New(DialogueKind.StaffConference);
        conference.RecordConference(30, 25, [], [new ConferenceResolution("Nghị quyết", 20, 3, 2)], [], Now);
        Assert.Throws<DomainRuleException>(() => conference.RecordConference(30, 22,
            [], [new ConferenceResolution("Nghị quyết", 20, 3, 2)], [new BoardCandidate("A", 5)], Now));
        Assert.Equal(25, conference.Attendance);
        Assert.Single(conference.Resolutions);
        Assert.Empty(conference.Candidates);
    }

    [Fact]
    public void Close_every_question_once_the_minutes_are_issued()
    {
        var dialogue = New();
        var question = DialogueQuestion.Recorded(dialogue, 1, AskerKind.Citizen, null, "Bà Dân", "Câu hỏi");
        dialogue.MarkHeld(null, Today, Now);
        dialogue.IssueMinutes(Now);
        Assert.Equal("content", Assert.Throws<DomainRuleException>(() => question.Edit(dialogue, "Sửa", "Trả lời", true, null, null)).Field);
        Assert.Throws<DomainRuleException>(() => DialogueQuestion.Recorded(dialogue, 2, AskerKind.Anonymous, null, null, "Thêm"));
        Assert.Throws<DomainRuleException>(() => question.LinkFollowUp(dialogue, Guid.NewGuid()));
        Assert.Equal("Câu hỏi", question.Content);
    }

    [Fact]
    public void Keep_neither_account_nor_name_of_an_anonymous_sender()
    {
        var question = DialogueQuestion.Submitted(New(), 1, Guid.NewGuid(), "Nguyễn Văn Gửi", "Câu hỏi", anonymous: true);
        Assert.Null(question.AskerUserId);
        Assert.Null(question.AskerName);
        Assert.Equal(DialogueQuestion.AnonymousName, question.AskerDisplay);
    }

    [Fact]
    public void Not_be_held_before_its_day_nor_take_questions_from_staff_after_it()
    {
        var later = New(date: Today.AddDays(3));
        Assert.Equal("date", Assert.Throws<DomainRuleException>(() => later.MarkHeld(null, Today, Now)).Field);
        var dialogue = New();
        dialogue.MarkHeld(null, Today, Now);
        Assert.Throws<DomainRuleException>(() => DialogueQuestion.Submitted(dialogue, 1, Guid.NewGuid(), "A", "Muộn", anonymous: false));
    }
}
