namespace CommitteeCloud.Web.Platform.Blobs;

/// <summary>
/// Where file contents live, addressed by their SHA-256: writing the same bytes twice stores them once, and a key
/// names exactly one content forever (nothing is overwritten or edited). Which tenant may read a blob is decided by
/// the rows that point at it (<see cref="Domain.Files.StoredFile"/>), never by the store.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads <paramref name="content"/> to its end, hashing as it streams, and stores it under its hash.</summary>
    Task<BlobRef> PutAsync(Stream content, CancellationToken ct);

    /// <summary>The content, or null when the store has no blob with this hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);
}

/// <summary>A stored content: its lowercase hexadecimal SHA-256 and its length in bytes.</summary>
public sealed record BlobRef(string Sha256, long Size);

public static class BlobKeys
{
    /// <summary>64 lowercase hexadecimal digits: anything else is never used as a path or an object key.</summary>
    public static bool IsValid(string? sha256) => sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigitLower);

    public static string Require(string sha256) =>
        IsValid(sha256) ? sha256 : throw new ArgumentException("A blob key is a lowercase hexadecimal SHA-256.", nameof(sha256));

    /// <summary>Fan-out so no folder holds millions of entries: <c>ab/cd/abcd…</c>.</summary>
    public static string RelativePath(string sha256) => $"{Require(sha256)[..2]}/{sha256[2..4]}/{sha256}";
}
