using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>One course of the unit (another unit's id is a 404, like an unknown one).</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record GetTrainingCourseQuery(Guid Id) : IQuery<TrainingCourseDto>;

public sealed class GetTrainingCourseValidator : AbstractValidator<GetTrainingCourseQuery>
{
    public GetTrainingCourseValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class GetTrainingCourseHandler(AppDbContext db) : IQueryHandler<GetTrainingCourseQuery, TrainingCourseDto>
{
    public async ValueTask<TrainingCourseDto> Handle(GetTrainingCourseQuery query, CancellationToken ct) =>
        TrainingCourseDto.From(await db.FindCourseAsync(query.Id, ct));
}

public sealed class GetTrainingCourseEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/training-courses/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTrainingCourseQuery(id), ct))
        .WithTags("Training").WithSummary("One training course")
        .Produces<TrainingCourseDto>().WithTenantProblems();
}
