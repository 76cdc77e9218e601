using System.Reflection;

namespace CommitteeCloud.Web.Platform.Endpoints;

/// <summary>
/// A feature's HTTP mapping, in the feature's own file. Every implementation is discovered at start-up: adding a
/// use case never means editing Program.cs.
/// </summary>
public interface IEndpoint
{
    static abstract void Map(IEndpointRouteBuilder api);
}

public static class EndpointDiscovery
{
    /// <summary>Maps every <see cref="IEndpoint"/> of the assembly under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        foreach (var type in typeof(IEndpoint).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpoint).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            type.GetMethod(nameof(IEndpoint.Map), BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [api]);
        }
        return app;
    }


    /// <summary>The Problem Details every tenant endpoint may answer with, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder WithTenantProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder WithCommandProblems(this RouteHandlerBuilder builder) => builder
        .WithTenantProblems()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
}
