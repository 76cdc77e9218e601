using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Suggestions;

namespace CommitteeCloud.UnitTests.Suggestions;

public sealed class SuggestionShould
{
    private static readonly DateOnly Today = new(2026, 3, 9);

    private static Suggestion Named(bool showName = true) => Suggestion.SubmitNamed("Tiêu đề", "Nội dung", SuggestionCategory.Other, Today,
        Guid.NewGuid(), "Nguyễn Văn A", showName, null, "0912345678", null);

    [Fact]
    public void Keep_no_sender_and_a_random_id_and_only_a_hash_of_the_receipt_code_when_anonymous()
    {
        var (suggestion, code) = Suggestion.SubmitAnonymous("Tiêu đề", "Nội dung", SuggestionCategory.WorkingConditions, Today);
        Assert.True(suggestion.IsAnonymous);
        Assert.Null(suggestion.AuthorUserId);
        Assert.Null(suggestion.AuthorName);
        Assert.Null(suggestion.PublicAuthorName);
        Assert.Equal(4, suggestion.Id.Version);
        Assert.Equal(Today, suggestion.ReceivedOn);
        Assert.Empty(suggestion.DomainEvents);
        Assert.NotNull(suggestion.ReceiptCodeHash);
        Assert.DoesNotContain(ReceiptCode.Normalize(code), suggestion.ReceiptCodeHash!, StringComparison.OrdinalIgnoreCase);
        Assert.True(suggestion.Matches(code));
        Assert.True(suggestion.Matches(code.Replace("-", "").ToLowerInvariant()));
        Assert.False(suggestion.Matches(ReceiptCode.New()));
    }

    [Fact]
    public void Make_receipt_codes_of_sixteen_unambiguous_characters_that_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => ReceiptCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Show_a_named_sender_only_when_they_allowed_it()
    {
        Assert.Equal("Nguyễn Văn A", Named(showName: true).PublicAuthorName);
        Assert.Null(Named(showName: false).PublicAuthorName);
        Assert.Null(Named().ReceiptCodeHash);
        Assert.Equal(4, Named().Id.Version);
    }

    [Fact]
    public void Go_from_received_to_routed_answered_and_published_raising_an_event_and_a_revision_at_each_step()
    {
        var suggestion = Named();
        var responsible = Guid.NewGuid();
        suggestion.Route(responsible, "Trần Thị B", Today);
        Assert.Equal(SuggestionStatus.Routed, suggestion.Status);
        suggestion.AnswerWith("Trả lời", responsible, "Trần Thị B", Today.AddDays(1));
        Assert.Equal(SuggestionStatus.Answered, suggestion.Status);
        Assert.Equal(Today.AddDays(1), suggestion.AnsweredOn);
        suggestion.Publish(Today.AddDays(2));
        Assert.Equal(SuggestionStatus.Published, suggestion.Status);
        Assert.Equal(4, suggestion.Revision);
        Assert.Collection(suggestion.DomainEvents,
            e => Assert.Equal(new SuggestionRouted(suggestion.Id, responsible), e),
            e => Assert.IsType<SuggestionAnswered>(e),
            e => Assert.IsType<SuggestionPublished>(e));
        Assert.True(suggestion.IsVisibleTo(Guid.NewGuid()));
    }

    [Fact]
    public void Refuse_to_publish_what_is_not_answered_or_to_close_what_is()
    {
        var suggestion = Named();
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => suggestion.Publish(Today)).Field);
        suggestion.AnswerWith("Trả lời", Guid.NewGuid(), "B", Today);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => suggestion.Close("Lý do", Today)).Field);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => suggestion.Route(Guid.NewGuid(), "C", Today)).Field);
    }

    [Fact]
    public void Close_an_open_suggestion_only_with_a_reason()
    {
        var suggestion = Named();
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => suggestion.Close("  ", Today)).Field);
        suggestion.Close("Trùng lặp", Today);
        Assert.Equal(SuggestionStatus.Closed, suggestion.Status);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => suggestion.AnswerWith("x", Guid.NewGuid(), "B", Today)).Field);
    }

    [Fact]
    public void Let_only_its_named_sender_read_an_unpublished_suggestion()
    {
        var suggestion = Named();
        Assert.True(suggestion.IsVisibleTo(suggestion.AuthorUserId!.Value));
        Assert.False(suggestion.IsVisibleTo(Guid.NewGuid()));
        var (anonymous, _) = Suggestion.SubmitAnonymous("T", "N", SuggestionCategory.Other, Today);
        Assert.False(anonymous.IsVisibleTo(Guid.Empty));
    }
}
