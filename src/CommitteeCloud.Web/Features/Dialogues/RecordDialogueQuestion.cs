using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// Ghi ý kiến tại buổi đối thoại: the officer records a question (a member of the unit, a named citizen or business,
/// or anonymous), with its answer if it was given, and the unit responsible.
/// </summary>
[RequirePermission(Permissions.DialoguesManage)]
public sealed record RecordDialogueQuestionCommand(
    Guid DialogueId, AskerKind AskerKind, string Content, Guid? AskerMembershipId = null, string? AskerName = null, string? Answer = null,
    bool AnsweredOnSpot = false, string? ResponsibleUnitName = null, Guid? ResponsibleTenantId = null) : ICommand<QuestionDto>;

public sealed class RecordDialogueQuestionValidator : AbstractValidator<RecordDialogueQuestionCommand>
{
    public RecordDialogueQuestionValidator()
    {
        RuleFor(x => x.AskerKind).IsInEnum();
        RuleFor(x => x.Content).NotEmpty().WithMessage("Hãy nhập nội dung câu hỏi.").MaximumLength(Dialogue.TextMaxLength);
        RuleFor(x => x.AskerName).MaximumLength(Dialogue.NameMaxLength);
        RuleFor(x => x.AskerName).NotEmpty().When(x => x.AskerKind == AskerKind.Citizen).WithMessage("Hãy ghi họ tên người hỏi.");
        RuleFor(x => x.Answer).MaximumLength(Dialogue.TextMaxLength);
        RuleFor(x => x.ResponsibleUnitName).MaximumLength(Dialogue.NameMaxLength);
    }
}

public sealed class RecordDialogueQuestionHandler(AppDbContext db, ITenantContext context) : ICommandHandler<RecordDialogueQuestionCommand, QuestionDto>
{
    public async ValueTask<QuestionDto> Handle(RecordDialogueQuestionCommand command, CancellationToken ct)
    {
        var dialogue = await db.FindDialogueAsync(command.DialogueId, ct);
        dialogue.EnsureOpen("content");
        Guid? askerUser = null;
        var askerName = command.AskerName;
        if (command.AskerKind == AskerKind.Member && command.AskerMembershipId is { } membershipId)
        {
            var member = await db.Memberships.Where(m => m.Id == membershipId).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FullName })
                .FirstOrDefaultAsync(ct) ?? throw new DomainRuleException("askerMembershipId", "Người hỏi phải là thành viên của đơn vị.");
            askerUser = member.Id;
            askerName = member.FullName;
        }
        var (unitName, unitId) = await ResponsibleUnit.ResolveAsync(db, context, command.ResponsibleUnitName, command.ResponsibleTenantId, ct);
        var question = DialogueQuestion.Recorded(dialogue, await db.NextQuestionNumberAsync(dialogue.Id, ct), command.AskerKind, askerUser, askerName, command.Content);
        question.Edit(dialogue, command.Content, command.Answer, command.AnsweredOnSpot, unitName, unitId);
        db.DialogueQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        return GetDialogueHandler.ToDto(question, null);
    }
}

/// <summary>The unit responsible for a question: a name as written, or one of the unit's direct children (its name then).</summary>
public static class ResponsibleUnit
{
    public static async Task<(string? Name, Guid? TenantId)> ResolveAsync(AppDbContext db, ITenantContext context, string? name, Guid? tenantId, CancellationToken ct)
    {
        if (tenantId is not { } id) return (name, null);
        var parentId = context.Tenant!.Id;
        var child = await db.Tenants.AsNoTracking().Where(t => t.Id == id && t.ParentId == parentId).Select(t => t.Name).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("responsibleTenantId", "Đơn vị chịu trách nhiệm phải là đơn vị trực thuộc trực tiếp.");
        return (child, id);
    }
}

public sealed class RecordDialogueQuestionEndpoint : IEndpoint
{
    public sealed record Body(
        AskerKind AskerKind, string Content, Guid? AskerMembershipId = null, string? AskerName = null, string? Answer = null,
        bool AnsweredOnSpot = false, string? ResponsibleUnitName = null, Guid? ResponsibleTenantId = null);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/dialogues/{id:guid}/questions", async (Guid id, Body b, IMediator mediator, CancellationToken ct) =>
        {
            var question = await mediator.Send(new RecordDialogueQuestionCommand(id, b.AskerKind, b.Content, b.AskerMembershipId, b.AskerName, b.Answer,
                b.AnsweredOnSpot, b.ResponsibleUnitName, b.ResponsibleTenantId), ct);
            return Results.Created($"/api/dialogues/{id}/questions/{question.Id}", question);
        })
        .WithTags("Dialogues").WithSummary("Record a question raised at the dialogue, with its answer and the unit responsible")
        .Produces<QuestionDto>(StatusCodes.Status201Created).WithCommandProblems();
}
