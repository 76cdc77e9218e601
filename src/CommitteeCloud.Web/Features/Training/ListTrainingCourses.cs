using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>Các lớp tập huấn, bồi dưỡng of the unit, newest first, optionally of one year (by the day they began).</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListTrainingCoursesQuery(int? Year = null) : IQuery<IReadOnlyList<TrainingCourseDto>>;

public sealed class ListTrainingCoursesValidator : AbstractValidator<ListTrainingCoursesQuery>
{
    public ListTrainingCoursesValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm không hợp lệ.");
}

public sealed class ListTrainingCoursesHandler(AppDbContext db) : IQueryHandler<ListTrainingCoursesQuery, IReadOnlyList<TrainingCourseDto>>
{
    public async ValueTask<IReadOnlyList<TrainingCourseDto>> Handle(ListTrainingCoursesQuery query, CancellationToken ct)
    {
        var courses = db.TrainingCourses.AsNoTracking();
        if (query.Year is { } year)
            courses = courses.Where(c => c.StartsOn >= new DateOnly(year, 1, 1) && c.StartsOn <= new DateOnly(year, 12, 31));
        var list = await courses.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Title).Take(1000).ToListAsync(ct);
        return [.. list.Select(TrainingCourseDto.From)];
    }
}

public sealed class ListTrainingCoursesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/training-courses", (IMediator mediator, CancellationToken ct, int? year) => mediator.Send(new ListTrainingCoursesQuery(year), ct))
        .WithTags("Training").WithSummary("The unit's training courses, newest first")
        .Produces<IReadOnlyList<TrainingCourseDto>>().WithTenantProblems();
}
