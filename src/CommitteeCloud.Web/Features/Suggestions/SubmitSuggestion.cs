using System.Text.Json.Serialization;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Gửi góp ý vào hòm thư của đơn vị, có tên hoặc ẩn danh. Anonymous: nothing about the sender is stored (not in the
/// row, the audit trail, the outbox, a notification or a log line) and the reply carries the receipt code, shown once.
/// Identity fields sent along with <see cref="Anonymous"/> are refused, not silently dropped: the sender must know
/// they were not kept. Unknown JSON fields (a "senderName" a client invented) are refused too.
/// </summary>
[RequirePermission(Permissions.TenantView)]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitSuggestionCommand(
    string Subject, string Content, SuggestionCategory Category, bool Anonymous,
    bool ShowNameWhenPublished = false, string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null)
    : ICommand<SubmittedSuggestion>;

/// <summary>The receipt code exists only in this reply (and the sender's hands); the database keeps its hash.</summary>
public sealed record SubmittedSuggestion(Guid Id, bool IsAnonymous, string? ReceiptCode, DateOnly ReceivedOn);

public sealed class SubmitSuggestionValidator : AbstractValidator<SubmitSuggestionCommand>
{
    private const string NotWhenAnonymous = "Góp ý ẩn danh không được kèm thông tin nhận dạng người gửi.";

    public SubmitSuggestionValidator()
    {
        RuleFor(x => x.Subject).NotEmpty().WithMessage("Hãy nhập tiêu đề.").MaximumLength(Suggestion.SubjectMaxLength);
        RuleFor(x => x.Content).NotEmpty().WithMessage("Hãy nhập nội dung góp ý.").MaximumLength(Suggestion.ContentMaxLength);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.ContactName).Empty().WithMessage(NotWhenAnonymous).When(x => x.Anonymous);
        RuleFor(x => x.ContactPhone).Empty().WithMessage(NotWhenAnonymous).When(x => x.Anonymous);
        RuleFor(x => x.ContactEmail).Empty().WithMessage(NotWhenAnonymous).When(x => x.Anonymous);
        RuleFor(x => x.ShowNameWhenPublished).Equal(false).WithMessage("Góp ý ẩn danh không thể hiển thị tên người gửi.").When(x => x.Anonymous);
        RuleFor(x => x.ContactName).MaximumLength(Suggestion.NameMaxLength);
        RuleFor(x => x.ContactPhone).MaximumLength(Suggestion.ContactMaxLength)
            .Matches(@"^[0-9+().\s-]*$").WithMessage("Số điện thoại không hợp lệ.");
        RuleFor(x => x.ContactEmail).MaximumLength(Suggestion.ContactMaxLength)
            .EmailAddress().WithMessage("Địa chỉ email không hợp lệ.").When(x => !string.IsNullOrWhiteSpace(x.ContactEmail));
    }
}

public sealed class SubmitSuggestionHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : ICommandHandler<SubmitSuggestionCommand, SubmittedSuggestion>
{
    public async ValueTask<SubmittedSuggestion> Handle(SubmitSuggestionCommand command, CancellationToken ct)
    {
        var today = clock.Today();
        if (command.Anonymous)
        {
            // No live push either: the board would learn the second it arrived. It shows up on the next load.
            var (anonymous, code) = Suggestion.SubmitAnonymous(command.Subject, command.Content, command.Category, today);
            db.Suggestions.Add(anonymous);
            return new SubmittedSuggestion(anonymous.Id, true, code, today);
        }
        var userId = context.UserId ?? throw new UnauthenticatedException();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstAsync(ct);
        var named = Suggestion.SubmitNamed(command.Subject, command.Content, command.Category, today, userId, name,
            command.ShowNameWhenPublished, command.ContactName, command.ContactPhone, command.ContactEmail);
        db.Suggestions.Add(named);
        afterCommit.PushBoardChanged(push, context.Tenant!.Id);
        return new SubmittedSuggestion(named.Id, false, null, today);
    }
}

public sealed class SubmitSuggestionEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost(SuggestionPrivacy.SubmitRoute, async (SubmitSuggestionCommand command, IMediator mediator, CancellationToken ct) =>
        {
            using var quiet = SuggestionPrivacy.Untraced();
            var submitted = await mediator.Send(command, ct);
            // No Location header: a URL with the id in it would be one more place the submission is written down.
            return Results.Json(submitted, statusCode: StatusCodes.Status201Created);
        })
        .WithTags("Suggestions").WithSummary("Send a suggestion to the unit, named or anonymous (an anonymous one gets a receipt code, shown once)")
        .Produces<SubmittedSuggestion>(StatusCodes.Status201Created).WithCommandProblems();
}
