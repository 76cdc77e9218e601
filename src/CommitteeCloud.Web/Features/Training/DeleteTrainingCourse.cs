using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>Xóa lớp nhập nhầm: send the version read (?version=); a stale one is a 409.</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record DeleteTrainingCourseCommand(Guid Id, uint? Version) : ICommand<bool>;

public sealed class DeleteTrainingCourseValidator : AbstractValidator<DeleteTrainingCourseCommand>
{
    public DeleteTrainingCourseValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class DeleteTrainingCourseHandler(AppDbContext db) : ICommandHandler<DeleteTrainingCourseCommand, bool>
{
    public async ValueTask<bool> Handle(DeleteTrainingCourseCommand command, CancellationToken ct)
    {
        var course = await db.FindCourseAsync(command.Id, ct);
        db.ExpectVersion(course, command.Version);
        course.Discard();
        db.TrainingCourses.Remove(course);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public sealed class DeleteTrainingCourseEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/training-courses/{id:guid}", async (Guid id, uint? version, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteTrainingCourseCommand(id, version), ct);
            return Results.NoContent();
        })
        .WithTags("Training").WithSummary("Delete a course recorded by mistake")
        .Produces(StatusCodes.Status204NoContent).WithCommandProblems();
}
