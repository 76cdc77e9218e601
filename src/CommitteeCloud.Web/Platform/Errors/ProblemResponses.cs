using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommitteeCloud.Web.Platform.Errors;

/// <summary>Writes an RFC 7807 Problem Details response whose title is in the caller's language.</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext http, int status, string titleKey, IDictionary<string, string[]>? errors = null)
    {
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = localizer[titleKey];
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Instance = http.Request.PathBase.Add(http.Request.Path);
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        http.Response.StatusCode = status;
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
