using System.Globalization;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tenants;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Blobs;
using CommitteeCloud.Web.Platform.Cqrs;
using CommitteeCloud.Web.Platform.Database;
using CommitteeCloud.Web.Platform.Errors;
using CommitteeCloud.Web.Platform.Health;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Realtime;
using CommitteeCloud.Web.Platform.Tenancy;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommitteeCloud.Web.Platform;

/// <summary>The platform's services: one place, so that features only add files.</summary>
public static class ServiceRegistration
{
    private sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider _inner = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api") || httpContext.Request.Path.StartsWithSegments("/t")
                && httpContext.Request.Path.Value!.Contains("/api/", StringComparison.Ordinal)
                ? _inner.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
    }

    /// <summary>
    /// The app sends the same few hundred statements over and over (every inbox page, every row of a hand-off):
    /// Npgsql prepares a statement once it has been used twice on a connection, so PostgreSQL stops parsing and
    /// planning it each time. A connection string that says otherwise wins.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 200;
        return builder.ConnectionString;
    }

    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en")];

    public static IServiceCollection AddCommitteeCloud(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
            // Vietnamese first: the UI ignores the browser's language (most officers' machines say en-US) and
            // switches only when the person chooses (cookie, ?culture=). API clients may send Accept-Language.
            o.RequestCultureProviders = o.RequestCultureProviders
                .Where(p => p is not AcceptLanguageHeaderRequestCultureProvider)
                .Append(new ApiAcceptLanguageProvider())
                .ToList();
        });
        ValidatorOptions.Global.LanguageManager.Enabled = true;

        // Persistence: the app's role is not the owner and cannot bypass row-level security.
        services.AddScoped<ITenantContext, TenantContext>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditScope>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<TenantSessionInterceptor>();
        var registry = new DomainEventRegistry(typeof(Domain.Common.Entity).Assembly, typeof(ServiceRegistration).Assembly);
        services.AddSingleton(registry);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(WithAutoPrepare(database.AppConnectionString!)).Build());
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(sp.GetRequiredService<TenantSessionInterceptor>());
        });
        services.AddSingleton<TenantStore>();
        services.AddScoped<TenantProvisioner>();
        services.AddBlobStore(configuration);
        services.AddScoped<Features.Files.FileAttachments>();
        services.AddDataProtection().SetApplicationName("CommitteeCloud").PersistKeysToDbContext<AppDbContext>();

        services.AddCommitteeIdentity();
        services.AddScoped<IdentityErrorDescriber, VietnameseIdentityErrorDescriber>();

        // CQRS: source-generated Mediator, scoped so handlers share the request's tenant-bound DbContext.
        services.AddMediator(o =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors =
            [
                typeof(ValidationBehavior<,>),
                typeof(SessionBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(TransactionBehavior<,>),
                typeof(AuditBehavior<,>),
            ];
        });
        // A validator without dependencies holds only its rules: built once, not on every request (building one
        // compiles its rules' expressions). One that needs a scoped service stays scoped.
        static bool Stateless(AssemblyScanner.AssemblyScanResult r) => r.ValidatorType.GetConstructors().All(c => c.GetParameters().Length == 0);
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, Stateless);
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, r => !Stateless(r));
        services.AddScoped<PermissionService>();

        // Events: outbox dispatcher and the handlers it finds.
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        foreach (var handler in registry.HandlerTypes) services.AddScoped(handler);
        services.AddSingleton<Features.LeaderAssignments.LeaderAssignmentExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.LeaderAssignments.LeaderAssignmentExpiryJob>());

        // The task cascade's shared steps.
        services.AddScoped<Features.Tasks.TaskAudience>();
        services.AddScoped<Features.Tasks.TaskRollUp>();
        services.AddScoped<Features.Tasks.TaskHandOffs>();
        services.AddSingleton<Features.Tasks.TaskListCache>();
        services.AddSingleton<Features.Dashboard.DashboardSumsCache>();
        services.AddScoped<Features.Dashboard.DashboardReader>();
        services.AddScoped<Features.Reports.ReportHandOffs>();
        services.AddScoped<Features.Plans.PlanResults>();
        services.AddScoped<Features.Audit.AuditTrailReader>();
        services.AddScoped<Features.Tasks.HandoffDecisions>();
        services.AddScoped<Features.Tasks.TaskEvidence>();
        services.AddScoped<Features.Tasks.TaskThread>();
        services.AddSingleton<Features.Tasks.Reminders.TaskReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Tasks.Reminders.TaskReminderJob>());
        services.AddSingleton<Features.Reports.ReportReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Reports.ReportReminderJob>());

        // The review cycle's shared steps and its deadline lock.
        services.AddScoped<Features.Reviews.SelfAssessmentSteps>();
        services.AddSingleton<Features.Reviews.ReviewDeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Reviews.ReviewDeadlineJob>());

        // Figures the system counts itself, for plans' actuals and reports' pre-filled indicators.
        services.AddIndicatorSources();

        // Live push.
        var signalR = services.AddSignalR(o => o.EnableDetailedErrors = false);
        // With more than one node, a message for a group must reach the connections every node holds: Redis relays
        // it (the backplane) whenever Redis is configured; one node alone needs nothing.
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("committeecloud"));
            services.AddHostedService<LiveBusRelay>();
        }
        services.AddSingleton<LiveBus>();
        services.AddSingleton<LivePush>();
        services.AddScoped<Inbox>();

        // Errors are Problem Details, titles in the caller's language.
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "CommitteeCloud API";
            doc.Info.Description = "Tenant endpoints are reached as /t/{tenant}/api/... or /api/... with the X-Tenant header. " +
                                   "Errors are RFC 7807 Problem Details. Authenticate with POST /api/auth/token (bearer).";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        // Traces and metrics are recorded only when there is a collector to send them to: recording them for nobody
        // cost every request a span per query and per request (measured on the province inbox, bench/README.md).
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("committeecloud"))
                // The sending of a suggestion is never traced (anonymity, ADR 0007).
                .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = Features.Suggestions.SuggestionPrivacy.MayTrace).AddNpgsql().AddOtlpExporter())
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddOtlpExporter());
        }
        return services;
    }
}
