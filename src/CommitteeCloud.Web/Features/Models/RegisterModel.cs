using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Models;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>Đăng ký mô hình "Dân vận khéo" of the unit for a year, with the fields of the registration form.</summary>
[RequirePermission(Permissions.PlansReport)]
public sealed record RegisterModelCommand(int Year, ModelContent Content) : ICommand<ModelDetail>;

public sealed class RegisterModelValidator : AbstractValidator<RegisterModelCommand>
{
    public RegisterModelValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm không hợp lệ.");
        RuleFor(x => x.Content).NotNull().SetValidator(new ModelContentValidator());
    }
}

public sealed class ModelContentValidator : AbstractValidator<ModelContent>
{
    public ModelContentValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên mô hình.").MaximumLength(MassMobilizationModel.NameMaxLength);
        RuleFor(x => x.Field).IsInEnum().WithMessage("Hãy chọn lĩnh vực.");
        RuleFor(x => x.PersonName).NotEmpty().When(x => !x.IsCollective).WithMessage("Mô hình cá nhân cần ghi họ tên người thực hiện.")
            .MaximumLength(MassMobilizationModel.NameMaxLength);
        RuleFor(x => x.PersonPosition).MaximumLength(MassMobilizationModel.NameMaxLength);
        RuleFor(x => x.Situation).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.Goals).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.ContentAndMethod).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.AreaAndBeneficiaries).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.Forces).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.Resources).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.Outputs).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.Sustainability).MaximumLength(MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("Thời gian kết thúc phải sau thời gian bắt đầu.");
    }
}

public sealed class RegisterModelHandler(AppDbContext db, ITenantContext context, TimeProvider clock, ModelNodeProjector projector, IMediator mediator)
    : ICommandHandler<RegisterModelCommand, ModelDetail>
{
    public async ValueTask<ModelDetail> Handle(RegisterModelCommand command, CancellationToken ct)
    {
        var model = new MassMobilizationModel(command.Year, command.Content, await db.ActorNameAsync(context, ct), context.Tenant!.Name, clock.GetUtcNow());
        db.MassMobilizationModels.Add(model);
        await db.SaveChangesAsync(ct);
        await projector.ProjectAsync(model, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetModelQuery(model.Id), ct);
    }
}

public sealed class RegisterModelEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/models", (ModelBody body, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            mediator.Send(new RegisterModelCommand(body.Year ?? clock.Today().Year, ModelAccess.Content(body)), ct))
        .WithTags("Models").WithSummary("Register a Dân vận khéo model of the unit")
        .Produces<ModelDetail>().WithCommandProblems();
}
