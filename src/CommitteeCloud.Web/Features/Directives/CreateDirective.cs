using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>Soạn văn bản: a new draft; with <c>SplitPoints</c> its body's numbered points become draft tasks at once.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record CreateDirectiveCommand(DirectiveInput Directive, bool SplitPoints = false) : ICommand<DirectiveDetail>;

public sealed class CreateDirectiveValidator : AbstractValidator<CreateDirectiveCommand>
{
    public CreateDirectiveValidator() => RuleFor(x => x.Directive).NotNull().SetValidator(new DirectiveInputValidator());
}

public sealed class CreateDirectiveHandler(AppDbContext db, ITenantContext context, TaskHandOffs handOffs, TimeProvider clock, IMediator mediator)
    : ICommandHandler<CreateDirectiveCommand, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(CreateDirectiveCommand command, CancellationToken ct)
    {
        await command.Directive.CheckReferencesAsync(db, handOffs, ct);
        await db.EnsureNumberFreeAsync(command.Directive.Number, null, ct);
        var now = clock.GetUtcNow();
        var directive = new Directive(command.Directive.ToFields(), now, context.UserId);
        db.Directives.Add(directive);
        if (command.SplitPoints) SplitDirectivePointsHandler.AddPoints(db, directive, [], now);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
    }
}

public sealed class CreateDirectiveEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/directives", async (CreateDirectiveCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var directive = await mediator.Send(command, ct);
            return Results.Created($"/api/directives/{directive.Id}", directive);
        })
        .WithTags("Directives").WithSummary("Draft a directive (its numbered points may be split into tasks at once)")
        .Produces<DirectiveDetail>(StatusCodes.Status201Created).WithCommandProblems();
}
