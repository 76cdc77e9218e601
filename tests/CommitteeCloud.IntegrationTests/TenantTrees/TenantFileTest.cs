using CommitteeCloud.Web.Features.TenantTrees;

namespace CommitteeCloud.IntegrationTests.TenantTrees;

/// <summary>
/// What the tenant-file tests share: a scratch folder for the files they write, a suffix that makes their codes and
/// user names unique, and row counts limited to their own tenants (other tests write to the same database meanwhile).
/// </summary>
public abstract class TenantFileTest(AppFixture app, string folderPrefix) : IDisposable
{
    protected readonly string _folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
    protected readonly string _s = Guid.NewGuid().ToString("N")[..8];

    protected AppFixture App { get; } = app;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected async Task<string> WriteAsync(string text, string name = "tree.json")
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    protected Task<TenantTreeResult> ApplyAsync(string path) =>
        TenantTreeLoader.ApplyFileAsync(App.Services, path, TestContext.Current.CancellationToken);

    /// <summary>This test's tenants and people, then its rows in each of <paramref name="tenantTables"/>.</summary>
    protected async Task<long[]> CountRowsAsync(params string[] tenantTables)
    {
        var counts = new List<long>
        {
            await App.AdminScalarAsync<long>($"SELECT count(*) FROM tenants WHERE code LIKE '%-{_s}'"),
            await App.AdminScalarAsync<long>($"SELECT count(*) FROM users WHERE user_name LIKE '%.{_s}'"),
        };
        foreach (var table in tenantTables)
            counts.Add(await App.AdminScalarAsync<long>($"SELECT count(*) FROM {table} x JOIN tenants t ON t.id = x.tenant_id WHERE t.code LIKE '%-{_s}'"));
        return [.. counts];
    }
}
