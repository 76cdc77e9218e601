using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>Cập nhật tiến độ mô hình: what was done, with evidence files uploaded first (<c>POST /api/files</c>).</summary>
[RequirePermission(Permissions.PlansReport)]
public sealed record ReportModelProgressCommand(Guid Id, string Text, Guid[]? FileIds = null) : ICommand<ModelDetail>;

public sealed class ReportModelProgressValidator : AbstractValidator<ReportModelProgressCommand>
{
    public ReportModelProgressValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Hãy nhập nội dung tiến độ.").MaximumLength(Domain.Models.MassMobilizationModel.TextMaxLength);
        RuleFor(x => x.FileIds).Must(ids => ids is null || ids.Length <= 20).WithMessage("Tối đa 20 tệp mỗi lần cập nhật.");
    }
}

public sealed class ReportModelProgressHandler(AppDbContext db, ITenantContext context, TaskEvidence evidence, TimeProvider clock,
    ModelNodeProjector projector, IMediator mediator) : ICommandHandler<ReportModelProgressCommand, ModelDetail>
{
    public async ValueTask<ModelDetail> Handle(ReportModelProgressCommand command, CancellationToken ct)
    {
        var model = await db.FindOwnModelAsync(command.Id, ct);
        var files = await evidence.ResolveAsync(command.FileIds, ct);
        model.ReportProgress(command.Text, files, clock.GetUtcNow(), await db.ActorNameAsync(context, ct), context.Tenant!.Name);
        await projector.ProjectAsync(model, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetModelQuery(model.Id), ct);
    }
}

public sealed class ReportModelProgressEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/models/{id:guid}/progress", (Guid id, ModelProgressBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReportModelProgressCommand(id, body.Text ?? "", body.FileIds), ct))
        .WithTags("Models").WithSummary("Report a model's progress with evidence files")
        .Produces<ModelDetail>().WithCommandProblems();
}

public sealed record ModelProgressBody(string? Text, Guid[]? FileIds);
