using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>Sửa thông tin lớp: send the version read; a stale one is a 409.</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record EditTrainingCourseCommand(Guid Id, TrainingCourseInput Course, uint? Version) : ICommand<TrainingCourseDto>;

public sealed record EditTrainingCourseBody(TrainingCourseInput? Course, uint? Version);

public sealed class EditTrainingCourseValidator : AbstractValidator<EditTrainingCourseCommand>
{
    public EditTrainingCourseValidator() =>
        RuleFor(x => x.Course).NotNull().WithMessage("Hãy nhập thông tin lớp.").SetValidator(new TrainingCourseInputValidator());
}

public sealed class EditTrainingCourseHandler(AppDbContext db) : ICommandHandler<EditTrainingCourseCommand, TrainingCourseDto>
{
    public async ValueTask<TrainingCourseDto> Handle(EditTrainingCourseCommand command, CancellationToken ct)
    {
        var course = await db.FindCourseAsync(command.Id, ct);
        db.ExpectVersion(course, command.Version);
        course.Edit(command.Course.ToFields());
        await db.SaveChangesAsync(ct);
        return TrainingCourseDto.From(course);
    }
}

public sealed class EditTrainingCourseEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/training-courses/{id:guid}", (Guid id, EditTrainingCourseBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new EditTrainingCourseCommand(id, body.Course!, body.Version), ct))
        .WithTags("Training").WithSummary("Change a recorded course (409 on a stale version)")
        .Produces<TrainingCourseDto>().WithCommandProblems();
}
