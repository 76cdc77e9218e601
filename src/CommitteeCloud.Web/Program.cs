using CommitteeCloud.Web;
using CommitteeCloud.Web.Features.TenantTrees;
using CommitteeCloud.Web.Platform.Database;

try
{
    if (await TenantsCli.TryRunAsync(args) is { } exitCode) return exitCode;
    if (await CommitteeCloud.Web.Features.Dashboard.DashboardCli.TryRunAsync(args) is { } rebuilt) return rebuilt;
    var app = await CommitteeCloudApp.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (EmbeddedPostgresException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

public partial class Program;
