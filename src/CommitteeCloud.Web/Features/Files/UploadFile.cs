using CommitteeCloud.Domain.Files;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Blobs;
using CommitteeCloud.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;

namespace CommitteeCloud.Web.Features.Files;

/// <summary>
/// Stores an evidence file in the unit: refused when empty, larger than <c>Blobs:MaxBytes</c>, or not of an accepted
/// type (extension and content must agree, see <see cref="FileTypes"/>). The bytes go to the blob store under their
/// hash (stored once however often uploaded); the unit gets its own row. Other features attach it by id
/// (<see cref="FileAttachments"/>). The same command serves the API (a multipart form) and the pages (a browser
/// stream): <paramref name="Content"/> is read to its end, never disposed; <paramref name="DeclaredLength"/> is the
/// size the client announced, refused before anything is read when it is too large.
/// </summary>
[RequirePermission(Permissions.TenantView)]
public sealed record UploadFileCommand(Stream Content, string FileName, long DeclaredLength) : ICommand<FileDto>;

public sealed class UploadFileValidator : AbstractValidator<UploadFileCommand>
{
    // Long names are shortened (extension kept) when stored, not refused.
    public UploadFileValidator() =>
        RuleFor(x => x.FileName).NotEmpty().OverridePropertyName("file").WithMessage("Hãy chọn tệp cần tải lên.");
}

public sealed class UploadFileHandler(AppDbContext db, ITenantContext context, CurrentUser user, IBlobStore store, BlobOptions options, TimeProvider clock)
    : ICommandHandler<UploadFileCommand, FileDto>
{
    public async ValueTask<FileDto> Handle(UploadFileCommand command, CancellationToken ct)
    {
        FileTypes.CheckSize(command.DeclaredLength, options.MaxBytes);
        var fileName = StoredFile.SanitizeFileName(command.FileName);

        // The type check reads the head (and for Office/OpenDocument the zip directory), then the store reads it
        // all: a stream that cannot seek (a browser's) is copied once into a buffer, never past the limit.
        var seekable = command.Content.CanSeek ? null : await FileUploads.BufferAsync(command.Content, options.MaxBytes, ct);
        try
        {
            var content = seekable ?? command.Content;
            var start = seekable is null ? content.Position : 0;
            FileTypes.CheckSize(content.Length - start, options.MaxBytes);
            var contentType = FileTypes.Check(fileName, content);
            content.Position = start;
            var blob = await store.PutAsync(content, ct);
            // A blob written for a request that then fails stays unreferenced: harmless, as its key is its content.
            var stored = new StoredFile(blob.Sha256, blob.Size, contentType, fileName,
                context.UserId!.Value, user.Principal?.DisplayName() ?? "", clock.GetUtcNow());
            db.StoredFiles.Add(stored);
            return FileDto.From(stored);
        }
        finally
        {
            if (seekable is not null) await seekable.DisposeAsync();
        }
    }
}

/// <summary>Helpers for an upload that does not come as a form: a browser's stream on a page.</summary>
public static class FileUploads
{
    /// <summary>Below this a stream is buffered in memory, above it in a temporary file.</summary>
    private const int MemoryBufferLimit = 64 * 1024;

    /// <summary>
    /// Copies <paramref name="source"/> to its end into memory or a temporary file (deleted when disposed), so that
    /// it can be checked and stored without holding a transaction open while a slow client sends it; the type check
    /// then reads it from the start. Too large (the message for the person) as soon as it goes past <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<Stream> BufferAsync(Stream source, long maxBytes, CancellationToken ct)
    {
        Stream buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(chunk, ct)) > 0)
            {
                total += read;
                if (total > maxBytes) throw FileTypes.TooLarge(maxBytes);
                if (buffer is MemoryStream memory && total > MemoryBufferLimit)
                {
                    var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                    memory.Position = 0;
                    await memory.CopyToAsync(file, ct);
                    buffer = file;
                    await memory.DisposeAsync();
                }
                await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
            }
            buffer.Position = 0;
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }
}

public sealed class UploadFileEndpoint : IEndpoint
{
    /// <summary>Room for the multipart framing around the file itself.</summary>
    public const long FormOverhead = 64 * 1024;

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/files", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            // Access first: the body of someone who may not upload here is never read.
            var limits = await mediator.Send(new FileLimitsQuery(), ct);
            var form = await ReadFormAsync(http, limits.MaxBytes, ct);
            var file = form.Files.GetFile(FileTypes.Field) ?? throw FileTypes.Missing();
            await using var content = file.OpenReadStream();
            var stored = await mediator.Send(new UploadFileCommand(content, file.FileName, file.Length), ct);
            return Results.Created($"/api/files/{stored.Id}", stored);
        })
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = MultipartFileBody();
            return Task.CompletedTask;
        })
        .WithTags("Files").WithSummary("Upload an evidence file (multipart/form-data, field \"file\")")
        .Produces<FileDto>(StatusCodes.Status201Created).WithCommandProblems();

    /// <summary>
    /// The request body for the API reference. Not declared with <c>Accepts</c>, which would answer any other
    /// content type with a bare 415 instead of the 400 that says what to send.
    /// </summary>
    private static OpenApiRequestBody MultipartFileBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { FileTypes.Field },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        [FileTypes.Field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    },
                },
            },
        },
    };

    /// <summary>
    /// Reads the form with limits just above the largest accepted file (whatever Kestrel's defaults), turning a
    /// body that is too large into the same clear 400 as a file that is: before reading when the client announced
    /// its length, while reading otherwise. Files above 64 KB are buffered to disk, never held in memory.
    /// </summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) throw FileTypes.Missing();
        var limit = maxBytes + FormOverhead;
        var bodySize = http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature ? feature : null;
        if (http.Request.ContentLength > limit)
        {
            // Answer without reading. Kestrel then drains what the client still sends (for 5 seconds at most) so
            // that a client which reads no response before it has sent its body (most do, browsers and HttpClient
            // alike) sees this 400 rather than a reset connection; one that sent "Expect: 100-continue" sends nothing.
            bodySize?.MaxRequestBodySize = null;
            throw FileTypes.TooLarge(maxBytes);
        }
        bodySize?.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            return await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw FileTypes.TooLarge(maxBytes);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw FileTypes.TooLarge(maxBytes);
        }
    }
}
