using CommitteeCloud.Web.Platform.CommandLine;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// <c>dashboard rebuild [--tenant CODE] [--Database:...]</c>: rebuilds the dashboard read model of the whole database,
/// or of one unit's subtree, against the database the app would use, and exits.
/// </summary>
public static class DashboardCli
{
    private const string Usage = """
        Cách dùng / usage:
          dashboard rebuild [--tenant CODE] [--Database:DataDirectory=DIR] [--ConnectionStrings:App=... --ConnectionStrings:Admin=...]
        """;

    public static async Task<int?> TryRunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        if (args.Length == 0 || args[0] != "dashboard") return null;
        output ??= Console.Out;
        errors ??= Console.Error;
        if (args.Length < 2 || args[1] != "rebuild") return AppCommand.Fail(errors, Usage);
        var arguments = AppCommand.Split(args.Skip(2), "tenant");
        if (arguments.Words.Count > 0) return AppCommand.Fail(errors, Usage);
        var tenant = arguments.Options.GetValueOrDefault("tenant");
        return await AppCommand.RunAsync(arguments.AppArgs, async services =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var result = await DashboardRebuild.RunAsync(services, tenant, CancellationToken.None);
                await output.WriteLineAsync($"Dashboard rebuilt: {result.Units} units, {result.Counters} counters in {started.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            }
            catch (InvalidOperationException ex) when (tenant is not null)
            {
                return AppCommand.Fail(errors, ex.Message);
            }
        });
    }
}
