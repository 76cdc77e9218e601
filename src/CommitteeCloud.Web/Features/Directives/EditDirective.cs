using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>Sửa dự thảo: only a draft; a stale edit (someone saved since it was read) gets 409.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record EditDirectiveCommand(Guid Id, DirectiveInput Directive, uint Version) : ICommand<DirectiveDetail>;

public sealed class EditDirectiveValidator : AbstractValidator<EditDirectiveCommand>
{
    public EditDirectiveValidator() => RuleFor(x => x.Directive).NotNull().SetValidator(new DirectiveInputValidator());
}

public sealed class EditDirectiveHandler(AppDbContext db, TaskHandOffs handOffs, TimeProvider clock, IMediator mediator)
    : ICommandHandler<EditDirectiveCommand, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(EditDirectiveCommand command, CancellationToken ct)
    {
        var directive = await db.FindDirectiveAsync(command.Id, ct);
        db.ExpectVersion(directive, command.Version);
        await command.Directive.CheckReferencesAsync(db, handOffs, ct);
        await db.EnsureNumberFreeAsync(command.Directive.Number, directive.Id, ct);
        directive.Edit(command.Directive.ToFields(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
    }
}

public sealed class EditDirectiveEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/directives/{id:guid}", (Guid id, EditDirectiveBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new EditDirectiveCommand(id, body.Directive!, body.Version), ct))
        .WithTags("Directives").WithSummary("Edit a draft directive (409 on a stale version)")
        .Produces<DirectiveDetail>().WithCommandProblems();
}

public sealed record EditDirectiveBody(DirectiveInput? Directive, uint Version);
