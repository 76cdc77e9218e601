using System.Security.Cryptography;
using CommitteeCloud.Web.Platform.Blobs;
using CommitteeCloud.Web.Platform.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CommitteeCloud.UnitTests.Files;

public sealed class BlobStoreShould : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-blobs-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Store_content_under_its_hash_once_in_fan_out_folders()
    {
        var store = new LocalDiskBlobStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var first = await store.PutAsync(new MemoryStream(bytes), CancellationToken.None);
        var second = await store.PutAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(new BlobRef(sha, bytes.Length), first);
        Assert.Equal(first, second);
        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
        Assert.Equal([Path.Combine(_root, sha[..2], sha[2..4], sha)], files);
        Assert.True(await store.ExistsAsync(sha, CancellationToken.None));
        await using var read = await store.OpenReadAsync(sha, CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Know_nothing_of_a_missing_hash_and_refuse_a_key_that_is_not_one()
    {
        var store = new LocalDiskBlobStore(_root);
        var missing = new string('0', 64);
        Assert.Null(await store.OpenReadAsync(missing, CancellationToken.None));
        Assert.False(await store.ExistsAsync(missing, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../../etc/passwd", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync(new string('A', 64), CancellationToken.None));
    }

    [Fact]
    public void Keep_blobs_beside_the_database_folder_unless_told()
    {
        var data = Path.Combine(_root, ".data", "postgres");
        Assert.Equal(Path.Combine(_root, ".data", "blobs"), BlobStoreRegistration.LocalRoot(new BlobOptions(), new DatabaseOptions { DataDirectory = data }, _root));
        Assert.Equal(Path.Combine(_root, "elsewhere"), BlobStoreRegistration.LocalRoot(new BlobOptions { Root = Path.Combine(_root, "elsewhere") }, null, _root));
        Assert.Equal(Path.Combine(_root, ".data", "blobs"), BlobStoreRegistration.LocalRoot(new BlobOptions(), null, _root));
    }

    [Fact]
    public void Use_an_S3_bucket_when_configured()
    {
        var services = Services(new()
        {
            ["Blobs:Provider"] = "S3",
            ["Blobs:MaxBytes"] = "1048576",
            ["Blobs:S3:ServiceUrl"] = "http://127.0.0.1:9000",
            ["Blobs:S3:Bucket"] = "evidence",
            ["Blobs:S3:AccessKey"] = "key",
            ["Blobs:S3:SecretKey"] = "secret",
            ["Blobs:S3:Prefix"] = "cc/",
        });
        var store = Assert.IsType<S3BlobStore>(services.GetRequiredService<IBlobStore>());
        Assert.Equal($"cc/ab/cd/abcd{new string('0', 60)}", store.KeyOf("abcd" + new string('0', 60)));
        Assert.Equal(1048576, services.GetRequiredService<BlobOptions>().MaxBytes);
    }

    [Fact]
    public void Use_the_local_folder_by_default_and_refuse_an_incomplete_configuration()
    {
        Assert.IsType<LocalDiskBlobStore>(Services(new() { ["Blobs:Root"] = _root }).GetRequiredService<IBlobStore>());
        Assert.Contains("Bucket", Assert.Throws<InvalidOperationException>(() => Services(new() { ["Blobs:Provider"] = "S3" })).Message);
        Assert.Contains("Provider", Assert.Throws<InvalidOperationException>(() => Services(new() { ["Blobs:Provider"] = "Ftp" })).Message);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Environment(_root));
        services.AddBlobStore(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Test";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
