using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Who is told what, live and in their inbox: the responsible person when a suggestion is routed to them, a named
/// sender when theirs is answered or closed, every member when one is published. No notification names an anonymous
/// sender (there is nobody to name) and none is ever addressed to one.
/// </summary>
public sealed class SuggestionNotifications(AppDbContext db, ITenantContext context, Inbox inbox)
    : IDomainEventHandler<SuggestionRouted>, IDomainEventHandler<SuggestionAnswered>,
      IDomainEventHandler<SuggestionPublished>, IDomainEventHandler<SuggestionClosed>
{
    public const string RoutedKind = "suggestion-routed";
    public const string AnsweredKind = "suggestion-answered";
    public const string PublishedKind = "suggestion-published";
    public const string ClosedKind = "suggestion-closed";

    public async ValueTask HandleAsync(SuggestionRouted routed, DomainEventContext eventContext, CancellationToken ct)
    {
        var suggestion = await FindAsync(routed.SuggestionId, ct);
        if (suggestion.ResponsibleUserId != routed.ResponsibleUserId) return; // routed again since: the later event tells
        await inbox.AddAsync(routed.ResponsibleUserId, RoutedKind, $"Góp ý cần bạn xử lý: {suggestion.Subject}",
            $"Lĩnh vực: {suggestion.Category.Label()}. Ngày nhận {suggestion.ReceivedOn:dd/MM/yyyy}.",
            Link(), $"{RoutedKind}:{eventContext.EventId:N}", ct);
    }

    public async ValueTask HandleAsync(SuggestionAnswered answered, DomainEventContext eventContext, CancellationToken ct)
    {
        var suggestion = await FindAsync(answered.SuggestionId, ct);
        if (suggestion.IsAnonymous || suggestion.AuthorUserId is not { } author) return;
        await inbox.AddAsync(author, AnsweredKind, $"Góp ý của bạn đã được trả lời: {suggestion.Subject}",
            $"{suggestion.AnsweredByName} trả lời ngày {suggestion.AnsweredOn:dd/MM/yyyy}.", Link(), $"{AnsweredKind}:{eventContext.EventId:N}", ct);
    }

    public async ValueTask HandleAsync(SuggestionClosed closed, DomainEventContext eventContext, CancellationToken ct)
    {
        var suggestion = await FindAsync(closed.SuggestionId, ct);
        if (suggestion.IsAnonymous || suggestion.AuthorUserId is not { } author) return;
        await inbox.AddAsync(author, ClosedKind, $"Góp ý của bạn đã được đóng: {suggestion.Subject}",
            $"Lý do: {suggestion.CloseReason}", Link(), $"{ClosedKind}:{eventContext.EventId:N}", ct);
    }

    public async ValueTask HandleAsync(SuggestionPublished published, DomainEventContext eventContext, CancellationToken ct)
    {
        var suggestion = await FindAsync(published.SuggestionId, ct);
        var members = await db.Memberships.Select(m => m.UserId).Distinct().ToListAsync(ct);
        foreach (var member in members)
        {
            await inbox.AddAsync(member, PublishedKind, $"Góp ý được công khai: {suggestion.Subject}",
                $"Lĩnh vực: {suggestion.Category.Label()}. Xem câu trả lời trong hòm thư góp ý.", Link(),
                $"{PublishedKind}:{eventContext.EventId:N}", ct);
        }
    }

    private Task<Suggestion> FindAsync(Guid id, CancellationToken ct) => db.Suggestions.AsNoTracking().FirstAsync(s => s.Id == id, ct);

    private string Link() => $"/t/{context.Tenant!.Code}/suggestions";
}
