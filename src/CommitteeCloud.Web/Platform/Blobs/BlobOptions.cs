namespace CommitteeCloud.Web.Platform.Blobs;

/// <summary>Configuration section <c>Blobs</c>: where evidence files are kept and what is accepted.</summary>
public sealed class BlobOptions
{
    public const string Section = "Blobs";
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary><c>Local</c> (default: a folder on this machine) or <c>S3</c> (any S3-compatible service).</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>
    /// Folder of the local store. Default: <c>blobs</c> beside <c>Database:DataDirectory</c> (so <c>.data/blobs</c>
    /// with <c>./start.sh</c>), or <c>.data/blobs</c> under the repository. Set it on a server.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    public S3BlobOptions S3 { get; set; } = new();

    public bool UsesS3 => string.Equals(Provider, "S3", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An S3-compatible bucket (AWS S3, MinIO, Ceph, Viettel/FPT/CMC object storage).</summary>
public sealed class S3BlobOptions
{
    /// <summary>The service's address, e.g. <c>https://s3.example.vn</c>; empty for AWS itself (then <see cref="Region"/> picks the endpoint).</summary>
    public string? ServiceUrl { get; set; }
    public string? Bucket { get; set; }

    /// <summary>With neither key, the SDK's usual chain applies (environment variables, instance role).</summary>
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Region { get; set; } = "us-east-1";

    /// <summary><c>https://host/bucket/key</c> instead of <c>https://bucket.host/key</c>: what most self-hosted services need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Prepended to every object key, e.g. <c>committeecloud/</c>.</summary>
    public string Prefix { get; set; } = "";
}
