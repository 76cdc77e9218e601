using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// One suggestion as a reader may see it. <see cref="AuthorName"/> and the contacts are filled only for those allowed
/// (the board, the sender); an anonymous one never has them because they were never stored. <see cref="Version"/> is
/// the domain's revision counter, not xmin (see <see cref="Suggestion.Revision"/>).
/// </summary>
public sealed record SuggestionDto(
    Guid Id, string Subject, string Content, SuggestionCategory Category, bool IsAnonymous, string? AuthorName,
    bool ShowAuthorName, string? ContactName, string? ContactPhone, string? ContactEmail, DateOnly ReceivedOn, SuggestionStatus Status,
    Guid? ResponsibleUserId, string? ResponsibleName, DateOnly? RoutedOn, string? Answer, string? AnsweredByName, DateOnly? AnsweredOn,
    DateOnly? PublishedOn, string? CloseReason, DateOnly? ClosedOn, int Version)
{
    /// <summary>What the board (suggestions.answer) and a named sender see.</summary>
    public static SuggestionDto Full(Suggestion s) => new(
        s.Id, s.Subject, s.Content, s.Category, s.IsAnonymous, s.AuthorName, s.ShowAuthorName, s.ContactName, s.ContactPhone, s.ContactEmail,
        s.ReceivedOn, s.Status, s.ResponsibleUserId, s.ResponsibleName, s.RoutedOn, s.Answer, s.AnsweredByName, s.AnsweredOn,
        s.PublishedOn, s.CloseReason, s.ClosedOn, s.Revision);

    /// <summary>What every member sees of a published one, and the anonymous sender through the receipt code.</summary>
    public static SuggestionDto Public(Suggestion s) => new(
        s.Id, s.Subject, s.Content, s.Category, s.IsAnonymous, s.PublicAuthorName, s.ShowAuthorName && !s.IsAnonymous, null, null, null,
        s.ReceivedOn, s.Status, null, null, null, s.Answer, s.AnsweredByName, s.AnsweredOn,
        s.PublishedOn, s.CloseReason, s.ClosedOn, s.Revision);
}

public static class SuggestionAccess
{
    /// <summary>The suggestion for a handler's action: unknown ids are 404, a stale version 409 on save.</summary>
    public static async Task<Suggestion> FindSuggestionAsync(this AppDbContext db, Guid id, int? version, CancellationToken ct)
    {
        var suggestion = await db.Suggestions.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("Không tìm thấy góp ý.");
        if (version is { } v) db.Entry(suggestion).Property(s => s.Revision).OriginalValue = v;
        return suggestion;
    }

    /// <summary>The board and members' lists refresh themselves (a tenant event, nothing stored, no id in it).</summary>
    public static void PushBoardChanged(this AfterCommit afterCommit, LivePush push, Guid tenantId) =>
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(tenantId, SuggestionLive.Changed, null)));

    public static string Label(this SuggestionCategory category) => category switch
    {
        SuggestionCategory.WorkingConditions => "Điều kiện làm việc",
        SuggestionCategory.LeadershipStyle => "Phong cách lãnh đạo, điều hành",
        SuggestionCategory.AdministrativeProcedures => "Thủ tục hành chính",
        _ => "Khác",
    };
}

public static class SuggestionLive
{
    public const string Changed = "suggestionsChanged";
}

/// <summary>The request body of the handlers' actions that take a text.</summary>
public sealed record SuggestionTextBody(string? Text, int? Version);

public sealed record SuggestionVersionBody(int? Version);
