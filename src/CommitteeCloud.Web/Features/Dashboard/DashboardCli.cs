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
        if (args.Length < 2 || args[1] != "rebuild") return Fail(errors, Usage);
        string? tenant = null;
        List<string> appArgs = ["--Logging:LogLevel:Default=Warning", "--Demo:Load=false"];
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--tenant" && i + 1 < args.Length) tenant = args[++i];
            else if (args[i].StartsWith("--tenant=", StringComparison.Ordinal)) tenant = args[i]["--tenant=".Length..];
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal)) appArgs.Add(args[i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) appArgs.AddRange([args[i], args[++i]]);
            else return Fail(errors, Usage);
        }

        var app = await CommitteeCloudApp.BuildServicesAsync([.. appArgs]);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = await DashboardRebuild.RunAsync(app.Services, tenant, CancellationToken.None);
            await output.WriteLineAsync($"Dashboard rebuilt: {result.Units} units, {result.Counters} counters in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (InvalidOperationException ex) when (tenant is not null)
        {
            return Fail(errors, ex.Message);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine(message);
        return 1;
    }
}
