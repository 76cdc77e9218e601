using CommitteeCloud.Web.Platform.Errors;
using CommitteeCloud.Web.Platform.Identity;

namespace CommitteeCloud.Web.Platform.Tenancy;

/// <summary>
/// Finds the tenant a request acts in: the route prefix <c>/t/{code}</c> (UI and API) or the <c>X-Tenant</c> header
/// (API clients). <c>/t/{code}/api/...</c> is rewritten to <c>/api/...</c> so every endpoint is mapped once.
/// An unknown code is a 404 and a suspended tenant a 403, both as Problem Details.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Tenant";

    public async Task InvokeAsync(HttpContext http, TenantStore store, ITenantContext context, Cqrs.CurrentUser currentUser)
    {
        var code = CodeFromPath(http.Request.Path, out var rest);
        if (code is null && http.Request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
            code = header.ToString();

        TenantInfo? tenant = null;
        if (code is not null)
        {
            tenant = Domain.Tenants.Tenant.IsValidCode(code) ? await store.FindByCodeAsync(code, http.RequestAborted) : null;
            if (tenant is null)
            {
                await ProblemResponses.WriteAsync(http, StatusCodes.Status404NotFound, ProblemText.TenantNotFound);
                return;
            }
            if (!tenant.IsActive)
            {
                await ProblemResponses.WriteAsync(http, StatusCodes.Status403Forbidden, ProblemText.TenantSuspended);
                return;
            }
            if (rest is not null && rest.Value.StartsWithSegments("/api"))
            {
                http.Request.PathBase = http.Request.PathBase.Add(http.Request.Path.Value![..^rest.Value.Value!.Length]);
                http.Request.Path = rest.Value;
            }
        }

        context.Set(tenant, http.User.FindUserId());
        currentUser.Principal = http.User;
        await next(http);
    }

    private static string? CodeFromPath(PathString path, out PathString? rest)
    {
        rest = null;
        if (!path.StartsWithSegments("/t", out var afterT) || !afterT.HasValue) return null;
        var value = afterT.Value!.TrimStart('/');
        var slash = value.IndexOf('/');
        var code = slash < 0 ? value : value[..slash];
        rest = slash < 0 ? PathString.Empty : new PathString(value[slash..]);
        return code.Length == 0 ? null : Uri.UnescapeDataString(code);
    }
}
