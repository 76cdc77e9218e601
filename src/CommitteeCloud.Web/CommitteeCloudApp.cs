using CommitteeCloud.Web.Components;
using CommitteeCloud.Web.Features.Directives;
using CommitteeCloud.Web.Features.TenantTrees;
using CommitteeCloud.Web.Platform;
using CommitteeCloud.Web.Platform.Database;
using CommitteeCloud.Web.Platform.Endpoints;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Realtime;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace CommitteeCloud.Web;

/// <summary>
/// Builds the whole app: database first (embedded cluster or configured server, migrated), then services, then
/// the HTTP pipeline. The test suite builds the same app on 127.0.0.1 with a throw-away data folder.
/// </summary>
public static class CommitteeCloudApp
{
    /// <summary>
    /// The app's services over a migrated database, without the HTTP pipeline: what the command-line verbs need.
    /// Stopping the app, even one never started, stops the embedded cluster.
    /// </summary>
    public static async Task<WebApplication> BuildServicesAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Serve package assets (MudBlazor) when running from the build output in any environment; a published app
        // has them in wwwroot and this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        if (builder.Configuration["Logging:Format"] == "json") builder.Logging.AddJsonConsole();
        configure?.Invoke(builder);

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.AppConnectionString ??= builder.Configuration.GetConnectionString("App");
        database.AdminConnectionString ??= builder.Configuration.GetConnectionString("Admin");
        using var bootLoggers = LoggerFactory.Create(l => l.AddConsole());
        var bootLogger = bootLoggers.CreateLogger("CommitteeCloud.Startup");
        var cluster = await DatabaseBootstrapper.ResolveConnectionsAsync(database, builder.Environment.ContentRootPath, bootLogger, CancellationToken.None);
        try
        {
            await DatabaseBootstrapper.MigrateAsync(database, bootLogger, CancellationToken.None);
        }
        catch
        {
            if (cluster is not null) await cluster.StopAsync();
            throw;
        }

        builder.Services.AddCommitteeCloud(builder.Configuration, database);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<UiSession>();

        var app = builder.Build();
        if (cluster is not null)
            app.Lifetime.ApplicationStopped.Register(() => cluster.StopAsync().GetAwaiter().GetResult());
        return app;
    }

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = await BuildServicesAsync(args, configure);
        var bootLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CommitteeCloud.Startup");
        var demo = app.Configuration.GetValue("Demo:Load", false);
        if (demo)
        {
            var file = app.Configuration["Demo:File"]
                ?? Path.Combine(DatabaseBootstrapper.FindRepositoryRoot(app.Environment.ContentRootPath), "tenants", "demo-province.json");
            try
            {
                var loaded = await TenantTreeLoader.ApplyFileAsync(app.Services, file, CancellationToken.None);
                bootLogger.LogInformation("Demo tenants applied from {File}: {Result}", file, loaded);
                var cascade = await DemoCascade.SeedAsync(app.Services, CancellationToken.None);
                bootLogger.LogInformation("Demo cascade: {Result}", cascade);
                bootLogger.LogInformation("Demo plan: {Result}", await Features.Plans.DemoPlan.SeedAsync(app.Services, CancellationToken.None));
                bootLogger.LogInformation("Demo commitments: {Result}", await Features.Commitments.DemoCommitments.SeedAsync(app.Services, CancellationToken.None));
                bootLogger.LogInformation("Demo reviews: {Result}", await Features.Reviews.DemoReviews.SeedAsync(app.Services, CancellationToken.None));
                bootLogger.LogInformation("Demo dialogues: {Result}", await Features.Dialogues.DemoDialogues.SeedAsync(app.Services, CancellationToken.None));
                bootLogger.LogInformation("Demo suggestions: {Count}", await Features.Suggestions.DemoSuggestions.SeedAsync(app.Services, CancellationToken.None));
                bootLogger.LogInformation("Demo indices: {Count}", await Features.Indices.DemoIndices.SeedAsync(app.Services, CancellationToken.None));
                bootLogger.LogInformation("Demo training courses: {Count}", await Features.Training.DemoTraining.SeedAsync(app.Services, CancellationToken.None));
                bootLogger.LogInformation("Demo reports: {Result}", await Features.Reports.DemoReports.SeedAsync(app.Services, CancellationToken.None));
                // One step of the story (a commune's report deadline moved into the past) is written with SQL: the
                // province's dashboard is rebuilt once so that it counts it.
                var rebuilt = await Features.Dashboard.DashboardRebuild.RunAsync(app.Services, DemoCascade.Province, CancellationToken.None);
                bootLogger.LogInformation("Demo dashboard: {Units} units, {Counters} counters", rebuilt.Units, rebuilt.Counters);
            }
            catch
            {
                await app.StopAsync();
                throw;
            }
        }
        app.Lifetime.ApplicationStarted.Register(() => AnnounceStarted(app, demo));

        // Localization first: the exception handler writes Problem Details in the caller's language.
        // Behind a load balancer, which node answered: for operators reading a trace, and for the two-node tests.
        if (app.Configuration["Node:Name"] is { Length: > 0 } node)
            app.Use((http, next) => { http.Response.Headers["X-CommitteeCloud-Node"] = node; return next(http); });
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRouting(); // after tenant resolution, which rewrites /t/{code}/api/... to /api/...
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapFeatureEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("CommitteeCloud API"));
        MapAccountEndpoints(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>What a newcomer needs to see in the terminal: where the app is and how to sign in.</summary>
    private static void AnnounceStarted(WebApplication app, bool demo)
    {
        var url = app.Urls.FirstOrDefault() ?? "";
        Console.WriteLine();
        Console.WriteLine($"  CommitteeCloud đang chạy tại / is running at: {url}");
        Console.WriteLine($"  API: {url}/api-docs   ·   Health: {url}/health/ready");
        if (demo)
        {
            Console.WriteLine("  Tài khoản dùng thử / demo sign-ins (mật khẩu / password: DanVan@2026):");
            Console.WriteLine("    bithu.tinh      Bí thư Tỉnh ủy (province secretary)");
            Console.WriteLine("    canbo.danvan    Chuyên viên Ban Dân vận (mass-mobilization officer)");
            Console.WriteLine("    giamsat.tinh    Giám sát cấp trên (supervisor)");
            Console.WriteLine("    bithu.xa1       Bí thư Đảng ủy phường (commune secretary)");
            Console.WriteLine("    baocao.xa1      Cán bộ đầu mối xã (commune reporter)");
            Console.WriteLine("    quantri         Quản trị nền tảng (platform operator)");
        }
        Console.WriteLine("  Ctrl+C để dừng / to stop.");
        Console.WriteLine();
    }

    private static void MapAccountEndpoints(WebApplication app)
    {
        app.MapPost("/signout", async (SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        });
        app.MapGet("/culture", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = ServiceRegistration.Cultures.FirstOrDefault(c => c.Name == name || c.TwoLetterISOLanguageName == name)
                          ?? ServiceRegistration.Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') ? "/" : returnUrl);
        });
    }
}
