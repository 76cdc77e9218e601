using CommitteeCloud.Domain.Files;

namespace CommitteeCloud.Web.Features.Files;

/// <summary>A stored file as the API shows it. The content is at <c>GET /api/files/{id}</c>.</summary>
public sealed record FileDto(Guid Id, string FileName, long Size, string ContentType, string Sha256, string UploadedByName, DateTimeOffset UploadedAt)
{
    public static FileDto From(StoredFile f) => new(f.Id, f.FileName, f.Size, f.ContentType, f.Sha256, f.UploadedByName, f.UploadedAt);
}
