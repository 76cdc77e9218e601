using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Dialogues;

/// <summary>Who raised a question.</summary>
public enum AskerKind
{
    /// <summary>A member of the unit (cán bộ, công chức).</summary>
    Member,
    /// <summary>A citizen or a business, by name (công dân, doanh nghiệp).</summary>
    Citizen,
    /// <summary>Ẩn danh: neither the asker's account nor name is kept.</summary>
    Anonymous,
}

/// <summary>
/// Một ý kiến, câu hỏi raised in a dialogue or the conference: sent beforehand by a member through the app, or
/// recorded by the officer during the meeting; its answer, whether it was answered on the spot, the unit responsible
/// and, when it needs more, the follow-up task. An anonymous question keeps no account id and no name.
/// </summary>
public sealed class DialogueQuestion : Entity, ITenantOwned, IVersioned
{
    public const string AnonymousName = "Ẩn danh";

    private DialogueQuestion() { }

    private DialogueQuestion(Guid dialogueId, int number, AskerKind kind, Guid? askerUserId, string? askerName, string content, bool beforehand)
    {
        DialogueId = dialogueId;
        Number = number;
        AskerKind = kind;
        AskerUserId = kind == AskerKind.Member ? askerUserId : null;
        AskerName = kind == AskerKind.Anonymous ? null : askerName?.Trim();
        Content = content.Trim();
        AskedBeforehand = beforehand;
        Raise(new DialogueChanged(dialogueId));
    }

    /// <summary>Sent by a member through the app before the dialogue; <paramref name="anonymous"/> drops who they are.</summary>
    public static DialogueQuestion Submitted(Dialogue dialogue, int number, Guid userId, string userName, string content, bool anonymous)
    {
        dialogue.EnsureAcceptsSubmissions();
        return anonymous
            ? new DialogueQuestion(dialogue.Id, number, AskerKind.Anonymous, null, null, content, beforehand: true)
            : new DialogueQuestion(dialogue.Id, number, AskerKind.Member, userId, userName, content, beforehand: true);
    }

    /// <summary>Recorded by the officer, during the meeting or from a list handed in.</summary>
    public static DialogueQuestion Recorded(Dialogue dialogue, int number, AskerKind kind, Guid? askerUserId, string? askerName, string content)
    {
        dialogue.EnsureOpen("content");
        if (kind != AskerKind.Anonymous && string.IsNullOrWhiteSpace(askerName))
            throw new DomainRuleException("askerName", "Hãy ghi người hỏi (hoặc chọn ẩn danh).");
        return new DialogueQuestion(dialogue.Id, number, kind, askerUserId, askerName, content, beforehand: false);
    }

    public Guid TenantId { get; private set; }
    public Guid DialogueId { get; private set; }

    /// <summary>Its order in the dialogue (1, 2, ...): questions keep no time of submission.</summary>
    public int Number { get; private set; }
    public AskerKind AskerKind { get; private set; }
    public Guid? AskerUserId { get; private set; }
    public string? AskerName { get; private set; }
    public bool AskedBeforehand { get; private set; }
    public string Content { get; private set; } = "";
    public string? Answer { get; private set; }

    /// <summary>Trả lời tại chỗ (else: answered later, in writing, by the responsible unit).</summary>
    public bool AnsweredOnSpot { get; private set; }

    /// <summary>Đơn vị chịu trách nhiệm: as written, or a child unit.</summary>
    public string? ResponsibleUnitName { get; private set; }
    public Guid? ResponsibleTenantId { get; private set; }
    public Guid? FollowUpTaskId { get; private set; }
    public uint Version { get; private set; }

    public string AskerDisplay => AskerKind == AskerKind.Anonymous ? AnonymousName : AskerName ?? "";

    public void Edit(Dialogue dialogue, string content, string? answer, bool answeredOnSpot, string? responsibleUnitName, Guid? responsibleTenantId)
    {
        dialogue.EnsureOpen("content");
        Content = content.Trim();
        Answer = string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        AnsweredOnSpot = Answer is not null && answeredOnSpot;
        ResponsibleUnitName = string.IsNullOrWhiteSpace(responsibleUnitName) ? null : responsibleUnitName.Trim();
        ResponsibleTenantId = responsibleTenantId;
        Raise(new DialogueChanged(DialogueId));
    }

    public void LinkFollowUp(Dialogue dialogue, Guid taskId)
    {
        dialogue.EnsureOpen("questionId");
        if (FollowUpTaskId is not null) throw new DomainRuleException("questionId", "Câu hỏi này đã có nhiệm vụ theo dõi.");
        FollowUpTaskId = taskId;
        Raise(new DialogueChanged(DialogueId));
    }
}
