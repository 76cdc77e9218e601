using CommitteeCloud.Web.Components;
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
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
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

        if (app.Configuration.GetValue("Demo:Load", false))
        {
            var file = app.Configuration["Demo:File"]
                ?? Path.Combine(DatabaseBootstrapper.FindRepositoryRoot(app.Environment.ContentRootPath), "tenants", "demo-province.json");
            await TenantTreeLoader.ApplyFileAsync(app.Services, file, CancellationToken.None);
        }

        // Localization first: the exception handler writes Problem Details in the caller's language.
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
