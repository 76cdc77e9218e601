using System.Buffers;
using System.Security.Cryptography;

namespace CommitteeCloud.Web.Platform.Blobs;

/// <summary>
/// Blobs as files under one folder, <c>ab/cd/&lt;sha256&gt;</c>. A write streams into a temporary file in the same
/// folder tree (hashing as it goes, never holding the file in memory) and is then renamed into place, so a reader
/// never sees half a blob and a crash leaves only a temporary file behind.
/// </summary>
public sealed class LocalDiskBlobStore : IBlobStore
{
    private const int BufferSize = 81920;
    private readonly string _root;
    private readonly string _temp;

    public LocalDiskBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
    }

    public string Root => _root;

    public string PathOf(string sha256) => Path.Combine(_root, BlobKeys.RelativePath(sha256));

    public async Task<BlobRef> PutAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(_temp);
        var temp = Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            var (sha256, size) = await CopyHashingAsync(content, temp, ct);
            var final = PathOf(sha256);
            if (!File.Exists(final))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                // Same content, same name: a concurrent writer of the same bytes may win the race harmlessly.
                File.Move(temp, final, overwrite: true);
            }
            return new BlobRef(sha256, size);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(sha256)));

    /// <summary>Copies <paramref name="content"/> into <paramref name="path"/> and returns its SHA-256 and length.</summary>
    internal static async Task<(string Sha256, long Size)> CopyHashingAsync(Stream content, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}
