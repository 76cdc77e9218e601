using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Blobs;
using Microsoft.Net.Http.Headers;

namespace CommitteeCloud.Web.Features.Files;

/// <summary>A file of the unit, by id. Another unit's file is not found, whoever asks.</summary>
[RequirePermission(Permissions.TenantView)]
public sealed record FileQuery(Guid Id) : IQuery<FileDto>;

public sealed class FileHandler(AppDbContext db) : IQueryHandler<FileQuery, FileDto>
{
    public async ValueTask<FileDto> Handle(FileQuery query, CancellationToken ct) =>
        await db.StoredFiles.AsNoTracking().Where(f => f.Id == query.Id).Select(f => FileDto.From(f)).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("file");
}

public sealed class FileMetaEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/files/{id:guid}/meta", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new FileQuery(id), ct))
        .WithTags("Files").WithSummary("A file's name, size, type and hash")
        .Produces<FileDto>().WithTenantProblems();
}

/// <summary>
/// Sends a file's content as a download, never as a page: <c>Content-Disposition: attachment</c> with the name in
/// UTF-8, <c>nosniff</c>, a sandboxing CSP, and <c>application/octet-stream</c> for anything but PDF and images.
/// </summary>
public sealed class DownloadFileEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/files/{id:guid}", async (Guid id, HttpContext http, IMediator mediator, IBlobStore store, CancellationToken ct) =>
        {
            var file = await mediator.Send(new FileQuery(id), ct);
            var content = await store.OpenReadAsync(file.Sha256, ct)
                ?? throw new InvalidOperationException($"Blob {file.Sha256} of file {file.Id} is missing from the store.");
            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
            headers[HeaderNames.CacheControl] = "private, no-cache";
            return Results.File(content, FileTypes.ServedContentType(file.ContentType), file.FileName,
                lastModified: file.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
        })
        .WithTags("Files").WithSummary("Download a file (always as an attachment)")
        .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").WithTenantProblems();
}
