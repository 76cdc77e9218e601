using CommitteeCloud.Web;
using CommitteeCloud.Web.Platform.Database;

try
{
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
