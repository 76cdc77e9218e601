using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CommitteeCloud.Web.Platform.Blobs;

/// <summary>
/// Blobs as objects in an S3-compatible bucket, keyed <c>{prefix}ab/cd/&lt;sha256&gt;</c> like the local store. The
/// key is the content's hash, which is known only at the end of the stream: the upload is first spooled to a
/// temporary file (hashed on the way), then sent unless the bucket already holds that content.
/// </summary>
public sealed class S3BlobStore(IAmazonS3 s3, S3BlobOptions options) : IBlobStore
{
    public static IAmazonS3 CreateClient(S3BlobOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Self-hosted services often reject the newer default integrity checksums; send them only when required.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    private string Bucket => options.Bucket!;

    public string KeyOf(string sha256) => options.Prefix + BlobKeys.RelativePath(sha256);

    public async Task<BlobRef> PutAsync(Stream content, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetTempPath(), "cc-blob-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (sha256, size) = await LocalDiskBlobStore.CopyHashingAsync(content, temp, ct);
            if (!await ExistsAsync(sha256, ct))
            {
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = Bucket,
                    Key = KeyOf(sha256),
                    FilePath = temp,
                    ContentType = "application/octet-stream",
                }, ct);
            }
            return new BlobRef(sha256, size);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        try
        {
            var response = await s3.GetObjectAsync(Bucket, KeyOf(sha256), ct);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct)
    {
        try
        {
            await s3.GetObjectMetadataAsync(Bucket, KeyOf(sha256), ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>The object's body; disposing it releases the HTTP response.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) response.Dispose();
            base.Dispose(disposing);
        }
    }
}
