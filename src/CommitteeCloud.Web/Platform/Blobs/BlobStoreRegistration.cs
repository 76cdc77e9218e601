using CommitteeCloud.Web.Platform.Database;

namespace CommitteeCloud.Web.Platform.Blobs;

public static class BlobStoreRegistration
{
    /// <summary>The store <c>Blobs:Provider</c> names: the local folder by default, an S3 bucket with <c>S3</c>.</summary>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BlobOptions.Section).Get<BlobOptions>() ?? new BlobOptions();
        if (options.MaxBytes <= 0) throw new InvalidOperationException($"{BlobOptions.Section}:MaxBytes must be positive.");
        services.AddSingleton(options);
        if (options.UsesS3)
        {
            if (string.IsNullOrWhiteSpace(options.S3.Bucket))
                throw new InvalidOperationException($"{BlobOptions.Section}:S3:Bucket is required when {BlobOptions.Section}:Provider is S3.");
            services.AddSingleton(_ => S3BlobStore.CreateClient(options.S3));
            services.AddSingleton<IBlobStore>(sp => new S3BlobStore(sp.GetRequiredService<Amazon.S3.IAmazonS3>(), options.S3));
        }
        else if (string.IsNullOrEmpty(options.Provider) || string.Equals(options.Provider, "Local", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IBlobStore>(sp => new LocalDiskBlobStore(LocalRoot(options,
                sp.GetService<DatabaseOptions>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        }
        else
        {
            throw new InvalidOperationException($"{BlobOptions.Section}:Provider '{options.Provider}' is unknown: use Local or S3.");
        }
        return services;
    }

    /// <summary><c>Blobs:Root</c>, else <c>blobs</c> beside the embedded database's folder, else <c>.data/blobs</c> in the repository.</summary>
    public static string LocalRoot(BlobOptions options, DatabaseOptions? database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.Root)) return Path.GetFullPath(options.Root);
        if (!string.IsNullOrWhiteSpace(database?.DataDirectory))
        {
            var data = Path.GetFullPath(database.DataDirectory).TrimEnd(Path.DirectorySeparatorChar);
            if (Path.GetDirectoryName(data) is { } parent) return Path.Combine(parent, "blobs");
        }
        return Path.Combine(DatabaseBootstrapper.FindRepositoryRoot(contentRoot), ".data", "blobs");
    }
}
