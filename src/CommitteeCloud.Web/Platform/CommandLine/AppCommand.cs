namespace CommitteeCloud.Web.Platform.CommandLine;

/// <summary>
/// What the app's command-line verbs (<c>tenants apply</c>, <c>dashboard rebuild</c>) share: the configuration
/// arguments (<c>--Database:...</c>, <c>--ConnectionStrings:...</c>) go to the app as they would to the server, and
/// the verb runs against the services of an app that is built but never serves, then stopped (which stops the
/// embedded cluster).
/// </summary>
public static class AppCommand
{
    /// <summary>A verb's own arguments: words, and the values of the options it names.</summary>
    public sealed record Arguments(List<string> Words, Dictionary<string, string> Options, List<string> AppArgs);

    /// <summary>
    /// Splits <paramref name="args"/>: <c>--name value</c> or <c>--name=value</c> for the verb's own options, any other
    /// <c>--key value</c> for the app. Quiet by default: a command prints its summary, not the app's start-up log; the
    /// caller may override.
    /// </summary>
    public static Arguments Split(IEnumerable<string> args, params string[] ownOptions)
    {
        var list = args.ToList();
        var result = new Arguments([], new(StringComparer.Ordinal), ["--Logging:LogLevel:Default=Warning", "--Demo:Load=false"]);
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                result.Words.Add(arg);
                continue;
            }
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            if (ownOptions.Contains(name))
            {
                if (eq > 0) result.Options[name] = arg[(eq + 1)..];
                else if (i + 1 < list.Count) result.Options[name] = list[++i];
                else result.Words.Add(arg); // an option without its value: the verb refuses it with its usage
            }
            else if (eq > 0 || i + 1 == list.Count) result.AppArgs.Add(arg);
            else result.AppArgs.AddRange([arg, list[++i]]);
        }
        return result;
    }

    public static async Task<int> RunAsync(List<string> appArgs, Func<IServiceProvider, Task<int>> run)
    {
        var app = await CommitteeCloudApp.BuildServicesAsync([.. appArgs]);
        try
        {
            return await run(app.Services);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine(message);
        return 1;
    }
}
