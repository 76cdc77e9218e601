using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Training;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>Ghi nhận lớp tập huấn, bồi dưỡng hoặc hội nghị quán triệt the unit held.</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record RecordTrainingCourseCommand(TrainingCourseInput Course) : ICommand<TrainingCourseDto>;

public sealed class RecordTrainingCourseValidator : AbstractValidator<RecordTrainingCourseCommand>
{
    public RecordTrainingCourseValidator() =>
        RuleFor(x => x.Course).NotNull().WithMessage("Hãy nhập thông tin lớp.").SetValidator(new TrainingCourseInputValidator());
}

public sealed class RecordTrainingCourseHandler(AppDbContext db) : ICommandHandler<RecordTrainingCourseCommand, TrainingCourseDto>
{
    public async ValueTask<TrainingCourseDto> Handle(RecordTrainingCourseCommand command, CancellationToken ct)
    {
        var course = new TrainingCourse(command.Course.ToFields());
        db.TrainingCourses.Add(course);
        await db.SaveChangesAsync(ct);
        return TrainingCourseDto.From(course);
    }
}

public sealed class RecordTrainingCourseEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/training-courses", async (RecordTrainingCourseCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var course = await mediator.Send(command, ct);
            return Results.Created($"/api/training-courses/{course.Id}", course);
        })
        .WithTags("Training").WithSummary("Record a training course, refresher course or briefing conference")
        .Produces<TrainingCourseDto>(StatusCodes.Status201Created).WithCommandProblems();
}
