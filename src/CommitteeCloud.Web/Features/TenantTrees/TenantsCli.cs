using System.Globalization;
using CommitteeCloud.Web.Platform.CommandLine;

namespace CommitteeCloud.Web.Features.TenantTrees;

/// <summary>
/// The app's command-line verbs, run instead of the web server:
/// <c>tenants apply FILE [--Database:...]</c> applies a tenant tree file to the app's database (the same database
/// the app would use: embedded cluster by default, or the configured connection strings) and exits;
/// <c>tenants generate --count N --out FILE [--people-per-tenant 20] [--seed 42] [--prefix sim]</c> writes a large
/// generated tree for benchmarks.
/// </summary>
public static class TenantsCli
{
    private const string Usage = """
        Cách dùng / usage:
          tenants apply FILE [--Database:DataDirectory=DIR] [--ConnectionStrings:App=... --ConnectionStrings:Admin=...]
          tenants generate --count N --out FILE [--people-per-tenant 20] [--seed 42] [--prefix sim]
        """;

    /// <summary>The exit code of the verb, or null when <paramref name="args"/> are not a verb (start the web app).</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        if (args.Length == 0 || args[0] != "tenants") return null;
        output ??= Console.Out;
        errors ??= Console.Error;
        var verb = args.Length > 1 ? args[1] : "";
        var rest = args.Skip(2).ToArray();
        try
        {
            return verb switch
            {
                "apply" => await ApplyAsync(rest, output, errors),
                "generate" => await GenerateAsync(rest, output, errors),
                _ => Fail(errors, $"Lệnh không rõ / unknown verb '{verb}'.\n{Usage}"),
            };
        }
        catch (TenantTreeFileException ex)
        {
            return Fail(errors, ex.Message);
        }
    }

    private static async Task<int> ApplyAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var arguments = AppCommand.Split(args);
        var files = arguments.Words;
        if (files.Count != 1) return Fail(errors, Usage);

        // Read and checked before the database starts: a typo in the file costs no cluster start-up.
        var name = files[0];
        var path = Locate(name);
        if (path is null) return Fail(errors, $"{name}: không có tệp này / no such file.");
        TenantTreeLoader.Parse(await File.ReadAllBytesAsync(path), name);

        return await AppCommand.RunAsync(arguments.AppArgs, async services =>
        {
            var result = await TenantTreeLoader.ApplyFileAsync(services, path, name, CancellationToken.None);
            await output.WriteLineAsync($"{name}: {result}");
            return 0;
        });
    }

    /// <summary>
    /// <c>dotnet run --project src/CommitteeCloud.Web</c> runs in the project's folder, so a path written from the
    /// repository root (<c>tenants/x.json</c>) is also looked for there.
    /// </summary>
    private static string? Locate(string path)
    {
        if (File.Exists(path) || Path.IsPathRooted(path)) return File.Exists(path) ? path : null;
        var fromRoot = Path.Combine(Platform.Database.DatabaseBootstrapper.FindRepositoryRoot(Directory.GetCurrentDirectory()), path);
        return File.Exists(fromRoot) ? fromRoot : null;
    }

    /// <summary>Where to write: like <see cref="Locate"/>, a relative path is taken from the repository root when there is one.</summary>
    private static string Destination(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(Platform.Database.DatabaseBootstrapper.FindRepositoryRoot(Directory.GetCurrentDirectory()), path);

    private static async Task<int> GenerateAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var arguments = AppCommand.Split(args, GenerateOptions);
        if (arguments.Words.Count > 0) return Fail(errors, Usage);
        if (arguments.AppArgs.Skip(DefaultAppArgs).FirstOrDefault() is { } unknown)
            return Fail(errors, $"Tùy chọn không rõ / unknown option {unknown}.\n{Usage}");
        var options = arguments.Options;
        if (!options.TryGetValue("out", out var path)) return Fail(errors, Usage);
        if (!TryNumber(options, "count", null, min: 1, out var count)
            || !TryNumber(options, "people-per-tenant", 20, min: 1, out var people)
            || !TryNumber(options, "seed", 42, min: int.MinValue, out var seed))
            return Fail(errors, Usage);
        var prefix = options.GetValueOrDefault("prefix", "sim");
        if (TenantTreeGenerator.Slug(prefix) != prefix)
            return Fail(errors, $"--prefix: '{prefix}' phải gồm a-z, 0-9, '-' / must be a-z, 0-9 and '-'.");

        var file = TenantTreeGenerator.Generate(count, people, seed, prefix);
        await TenantTreeGenerator.WriteAsync(file, Destination(path), CancellationToken.None);
        await output.WriteLineAsync($"{path}: {file.Tenants.Count} tenants, {file.People.Count} people (seed {seed}).");
        return 0;
    }

    private static bool TryNumber(Dictionary<string, string> options, string name, int? fallback, int min, out int value)
    {
        value = fallback ?? 0;
        if (!options.TryGetValue(name, out var text)) return fallback is not null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min;
    }

    private static readonly string[] GenerateOptions = ["count", "out", "people-per-tenant", "seed", "prefix"];
    private static readonly int DefaultAppArgs = AppCommand.Split([]).AppArgs.Count;

    private static int Fail(TextWriter errors, string message) => AppCommand.Fail(errors, message);
}
