using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Models;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>A model in a registration: one the unit already registered (by id), or a new one by name and field.</summary>
public sealed record CommitmentModelInput(Guid? ModelId, string? Name, ModelField? Field);

public sealed record CommitmentTargetInput(string? Name, string? Unit, decimal Target, string? IndicatorCode = null);

/// <summary>
/// Đăng ký thi đua (or đăng ký lại after a return): the title sought, the targets and at least one "Dân vận khéo"
/// model. New models are registered in the unit at the same time. Refused after the deadline unless the parent
/// reopened it. The registration goes up to the parent as a routed event; the parent's board updates live.
/// </summary>
[RequirePermission(Permissions.PlansReport)]
public sealed record RegisterCommitmentCommand(Guid Id, string TitleSought, CommitmentTargetInput[] Targets, CommitmentModelInput[] Models,
    uint? Version = null) : ICommand<CommitmentDetail>;

public sealed class RegisterCommitmentValidator : AbstractValidator<RegisterCommitmentCommand>
{
    public RegisterCommitmentValidator()
    {
        RuleFor(x => x.TitleSought).MaximumLength(Commitment.NameMaxLength);
        RuleForEach(x => x.Targets).ChildRules(t =>
        {
            t.RuleFor(x => x.Name).MaximumLength(Commitment.NameMaxLength);
            t.RuleFor(x => x.Unit).MaximumLength(64);
            t.RuleFor(x => x.IndicatorCode).MaximumLength(64);
        });
        RuleForEach(x => x.Models).ChildRules(m => m.RuleFor(x => x.Name).MaximumLength(MassMobilizationModel.NameMaxLength));
    }
}

public sealed class RegisterCommitmentHandler(AppDbContext db, ITenantContext context, TimeProvider clock, IMediator mediator)
    : ICommandHandler<RegisterCommitmentCommand, CommitmentDetail>
{
    public async ValueTask<CommitmentDetail> Handle(RegisterCommitmentCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var commitment = await db.Commitments.FirstOrDefaultAsync(c => c.Id == command.Id, ct) ?? throw new NotFoundException("commitment");
        db.ExpectVersion(commitment, command.Version);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var actor = await db.ActorNameAsync(context, ct);
        var targets = command.Targets.Select(t => new CommitmentTarget
        {
            Name = t.Name ?? "", Unit = t.Unit ?? "", Target = t.Target, IndicatorCode = string.IsNullOrWhiteSpace(t.IndicatorCode) ? null : t.IndicatorCode.Trim(),
        }).ToList();

        // Every rule is checked before a model is created, so a refused registration writes nothing.
        if (commitment.State == CommitmentState.Approved) throw new DomainRuleException("state", "Bản đăng ký đã được phê duyệt, không sửa được.");
        if (today > commitment.Deadline)
            throw new DomainRuleException("deadline", $"Đã quá hạn đăng ký ({commitment.Deadline:dd/MM/yyyy}). Đề nghị cấp trên mở lại đăng ký.");
        CommitmentRules.Check(command.TitleSought, targets, [.. command.Models.Select(_ => new CommittedModel())]);
        var existingIds = command.Models.Where(m => m.ModelId is not null).Select(m => m.ModelId!.Value).ToList();
        var existing = await db.MassMobilizationModels.Where(m => existingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        for (var i = 0; i < command.Models.Length; i++)
        {
            var input = command.Models[i];
            if (input.ModelId is { } id && !existing.ContainsKey(id)) throw new DomainRuleException($"models[{i}].modelId", "Mô hình không tồn tại.");
            if (input.ModelId is null && string.IsNullOrWhiteSpace(input.Name)) throw new DomainRuleException($"models[{i}].name", "Hãy nhập tên mô hình.");
            if (input.ModelId is null && input.Field is null) throw new DomainRuleException($"models[{i}].field", "Hãy chọn lĩnh vực của mô hình.");
        }

        var models = new List<CommittedModel>();
        foreach (var input in command.Models)
        {
            var model = input.ModelId is { } id ? existing[id] : null;
            if (model is null)
            {
                model = new MassMobilizationModel(commitment.Year,
                    new ModelContent(input.Name!, input.Field!.Value, true, null, null, null, null, null, null, null, null, null, null, null, null),
                    actor, current.Name, now);
                db.MassMobilizationModels.Add(model);
            }
            if (models.All(m => m.ModelId != model.Id)) models.Add(new CommittedModel { ModelId = model.Id, Name = model.Name, Field = model.Field.ToString() });
        }
        commitment.Register(command.TitleSought, targets, models, today, now, actor, current.Name);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetCommitmentQuery(commitment.Id), ct);
    }
}

public sealed class RegisterCommitmentEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/commitments/{id:guid}", (Guid id, RegisterCommitmentBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RegisterCommitmentCommand(id, body.TitleSought ?? "", body.Targets ?? [], body.Models ?? [], body.Version), ct))
        .WithTags("Commitments").WithSummary("Register (or revise and resubmit) the unit's commitment: title sought, targets, models")
        .Produces<CommitmentDetail>().WithCommandProblems();
}

public sealed record RegisterCommitmentBody(string? TitleSought, CommitmentTargetInput[]? Targets, CommitmentModelInput[]? Models, uint? Version);
