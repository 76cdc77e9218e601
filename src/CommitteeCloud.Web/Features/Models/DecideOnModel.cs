using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Models;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// What the units above do with a model of a unit below: khảo sát (survey: date, findings, assessment), công nhận
/// (recognize at a level), chọn điển hình (typical), đề nghị khen thưởng (propose for awards). Applied in the model's
/// unit inside this transaction.
/// </summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record DecideOnModelCommand(Guid Id, string Decision, RecognitionLevel? Level = null, string? Comment = null, DateOnly? SurveyDate = null,
    string? Findings = null, string? Assessment = null) : ICommand<ModelDetail>;

public sealed class DecideOnModelValidator : AbstractValidator<DecideOnModelCommand>
{
    public DecideOnModelValidator()
    {
        RuleFor(x => x.Decision).Must(d => d is ModelActions.Survey or ModelActions.Recognize or ModelActions.Typical or ModelActions.Propose)
            .WithMessage("Quyết định không hợp lệ.");
        RuleFor(x => x.Level).NotNull().IsInEnum().When(x => x.Decision == ModelActions.Recognize).WithMessage("Hãy chọn cấp công nhận.");
        RuleFor(x => x.SurveyDate).NotNull().When(x => x.Decision == ModelActions.Survey).WithMessage("Hãy chọn ngày khảo sát.");
        RuleFor(x => x.Findings).NotEmpty().When(x => x.Decision == ModelActions.Survey).WithMessage("Hãy nhập kết quả khảo sát.")
            .MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.Assessment).NotEmpty().When(x => x.Decision == ModelActions.Survey).WithMessage("Hãy nhập đánh giá.")
            .MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Decision == ModelActions.Propose).WithMessage("Hãy nêu hình thức đề nghị khen thưởng.")
            .MaximumLength(MassMobilizationModel.TextMaxLength);
    }
}

public sealed class DecideOnModelHandler(AppDbContext db, ITenantContext context, TenantStore tenants, ModelNodeProjector projector, TimeProvider clock,
    IMediator mediator) : ICommandHandler<DecideOnModelCommand, ModelDetail>
{
    public async ValueTask<ModelDetail> Handle(DecideOnModelCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var actor = await db.ActorNameAsync(context, ct);
        var id = await db.DecideBelowAsync(context, tenants, projector, command.Id, (model, unit) =>
        {
            switch (command.Decision)
            {
                case ModelActions.Survey:
                    model.RecordSurvey(command.SurveyDate!.Value, command.Findings!, command.Assessment!, now, actor, unit);
                    break;
                case ModelActions.Recognize:
                    model.Recognize(command.Level!.Value, command.Comment, now, actor, unit);
                    break;
                case ModelActions.Typical:
                    model.MarkTypical(command.Comment, now, actor, unit);
                    break;
                default:
                    model.ProposeForAward(command.Comment!, now, actor, unit);
                    break;
            }
        }, ct);
        return await mediator.Send(new GetModelQuery(id), ct);
    }
}

public sealed class DecideOnModelEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/models/{id:guid}/survey", (Guid id, ModelSurveyBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DecideOnModelCommand(id, ModelActions.Survey, SurveyDate: body.Date, Findings: body.Findings, Assessment: body.Assessment), ct))
            .WithTags("Models").WithSummary("Record the survey of a model of a unit below (date, findings, assessment)")
            .Produces<ModelDetail>().WithCommandProblems();
        api.MapPost("/models/{id:guid}/decision", (Guid id, ModelDecisionBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DecideOnModelCommand(id, body.Decision ?? "", body.Level, body.Comment), ct))
            .WithTags("Models").WithSummary("Recognize (at a level), name typical or propose for awards a model of a unit below")
            .Produces<ModelDetail>().WithCommandProblems();
    }
}

public sealed record ModelSurveyBody(DateOnly? Date, string? Findings, string? Assessment);

public sealed record ModelDecisionBody(string? Decision, RecognitionLevel? Level, string? Comment, uint? Version);
