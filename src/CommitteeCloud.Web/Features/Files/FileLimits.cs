using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Blobs;

namespace CommitteeCloud.Web.Features.Files;

/// <summary>
/// What the unit's members may upload: the size limit and the accepted extensions. The upload endpoint asks it
/// first, so a caller who may not upload here is refused before their file is read.
/// </summary>
[RequirePermission(Permissions.TenantView)]
public sealed record FileLimitsQuery : IQuery<FileLimits>;

public sealed record FileLimits(long MaxBytes, string MaxSize, IReadOnlyList<string> AllowedExtensions);

public sealed class FileLimitsHandler(BlobOptions options) : IQueryHandler<FileLimitsQuery, FileLimits>
{
    public ValueTask<FileLimits> Handle(FileLimitsQuery query, CancellationToken ct) =>
        ValueTask.FromResult(new FileLimits(options.MaxBytes, FileTypes.FormatSize(options.MaxBytes), FileTypes.AllowedExtensions));
}

public sealed class FileLimitsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/files/limits", (IMediator mediator, CancellationToken ct) => mediator.Send(new FileLimitsQuery(), ct))
        .WithTags("Files").WithSummary("The largest file accepted and the accepted extensions")
        .Produces<FileLimits>().WithTenantProblems();
}
