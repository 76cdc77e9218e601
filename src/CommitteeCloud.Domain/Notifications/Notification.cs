using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Notifications;

/// <summary>
/// One entry in a person's in-app inbox (thông báo). It belongs to the tenant where the event happened and to the
/// person it concerns; it stays until they read it. <see cref="DedupKey"/> makes delivery idempotent:
/// the same event delivered twice produces one notification.
/// </summary>
public sealed class Notification : Entity, ITenantOwned, IPersonOwned
{
    public const int TitleMaxLength = 256;

    private Notification() { }

    public Notification(Guid userId, string kind, string title, string? body, string? link, string dedupKey, DateTimeOffset now)
    {
        UserId = userId;
        Kind = kind;
        Title = title;
        Body = body;
        Link = link;
        DedupKey = dedupKey;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Body { get; private set; }
    public string? Link { get; private set; }
    public string DedupKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
