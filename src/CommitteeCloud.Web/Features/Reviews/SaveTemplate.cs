using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// Tạo bộ tiêu chí (or copy one: a shipped example by its key, or one of the unit's own by id, when no sheet is given).
/// A sheet whose criteria maxima do not add up to its declared total is refused, with the field named.
/// </summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record CreateTemplateCommand(string Name, string? Description, CriteriaSheet? Sheet, string? CopyOfShipped = null, Guid? CopyOf = null)
    : ICommand<TemplateDetail>;

/// <summary>Sửa bộ tiêu chí: cycles already opened keep the criteria they were opened with.</summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record EditTemplateCommand(Guid Id, string Name, string? Description, CriteriaSheet Sheet, uint? Version) : ICommand<TemplateDetail>;

internal static class TemplateRules
{
    public static void Problems<T>(CriteriaSheet? sheet, ValidationContext<T> context)
    {
        if (sheet is null) return;
        foreach (var (field, message) in ReviewScoring.Problems(sheet)) context.AddFailure(field, message);
    }
}

public sealed class CreateTemplateValidator : AbstractValidator<CreateTemplateCommand>
{
    public CreateTemplateValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên bộ tiêu chí.").MaximumLength(CriteriaTemplate.NameMaxLength);
        RuleFor(x => x.Description).MaximumLength(CriteriaTemplate.TextMaxLength);
        RuleFor(x => x.Sheet).NotNull().When(x => x.CopyOfShipped is null && x.CopyOf is null).WithMessage("Hãy khai báo các tiêu chí.").OverridePropertyName("groups");
        RuleFor(x => x.Sheet).Custom(TemplateRules.Problems);
    }
}

public sealed class EditTemplateValidator : AbstractValidator<EditTemplateCommand>
{
    public EditTemplateValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên bộ tiêu chí.").MaximumLength(CriteriaTemplate.NameMaxLength);
        RuleFor(x => x.Description).MaximumLength(CriteriaTemplate.TextMaxLength);
        RuleFor(x => x.Sheet).Custom(TemplateRules.Problems);
    }
}

public sealed class CreateTemplateHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : ICommandHandler<CreateTemplateCommand, TemplateDetail>
{
    public async ValueTask<TemplateDetail> Handle(CreateTemplateCommand command, CancellationToken ct)
    {
        var sheet = command.Sheet;
        string? shippedKey = null;
        if (sheet is null && command.CopyOfShipped is { } key)
        {
            sheet = (ShippedTemplates.Find(key) ?? throw new Platform.Cqrs.NotFoundException("template")).Sheet;
            shippedKey = key;
        }
        else if (sheet is null && command.CopyOf is { } id)
            sheet = (await db.CriteriaTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new Platform.Cqrs.NotFoundException("template")).Sheet;
        var template = new CriteriaTemplate(command.Name, command.Description, sheet!, shippedKey, await db.ActorNameAsync(context, ct), clock.GetUtcNow());
        db.CriteriaTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return new TemplateDetail(template.Id, template.ShippedKey, template.Name, template.Description, template.Sheet, false, template.Version);
    }
}

public sealed class EditTemplateHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<EditTemplateCommand, TemplateDetail>
{
    public async ValueTask<TemplateDetail> Handle(EditTemplateCommand command, CancellationToken ct)
    {
        var template = await db.CriteriaTemplates.FirstOrDefaultAsync(t => t.Id == command.Id, ct) ?? throw new NotFoundException("template");
        db.ExpectVersion(template, command.Version);
        template.Edit(command.Name, command.Description, command.Sheet, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new TemplateDetail(template.Id, template.ShippedKey, template.Name, template.Description, template.Sheet, false, template.Version);
    }
}

public sealed class SaveTemplateEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/review-templates", (TemplateBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CreateTemplateCommand(body.Name ?? "", body.Description, body.ToSheet(), body.CopyOfShipped, body.CopyOf), ct))
            .WithTags("Reviews").WithSummary("Create a criteria template, or copy a shipped or own one").Produces<TemplateDetail>().WithCommandProblems();
        api.MapPut("/review-templates/{id:guid}", (Guid id, TemplateBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new EditTemplateCommand(id, body.Name ?? "", body.Description, body.ToSheet() ?? new CriteriaSheet(), body.Version), ct))
            .WithTags("Reviews").WithSummary("Edit a criteria template (cycles already opened keep their criteria)").Produces<TemplateDetail>().WithCommandProblems();
    }
}

/// <summary>A template as clients send it: the sheet's fields at the top level, so that a field error names "total" or "groups[0]...".</summary>
public sealed record TemplateBody(string? Name, string? Description, decimal? Total, List<CriterionGroup>? Groups, List<BonusRule>? Bonuses, decimal? BonusCap,
    List<DeductionRule>? Deductions, decimal? DeductionCap, List<ScoreBand>? Bands, string? CopyOfShipped = null, Guid? CopyOf = null, uint? Version = null)
{
    public CriteriaSheet? ToSheet() => Groups is null && Total is null ? null : new CriteriaSheet
    {
        Total = Total ?? 0, Groups = Groups ?? [], Bonuses = Bonuses ?? [], BonusCap = BonusCap ?? 0, Deductions = Deductions ?? [],
        DeductionCap = DeductionCap ?? 0, Bands = Bands ?? [],
    };
}
