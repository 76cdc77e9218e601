using OpenTelemetry;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Keeps the sending of a suggestion out of the telemetry. A trace of it would hold the exact time, the user agent
/// and the database calls, which is what anonymity forbids; named and anonymous submissions share one route and are
/// both left out, so the telemetry cannot even tell them apart. The request log (method, path, status) carries no
/// person and no body.
/// </summary>
public static class SuggestionPrivacy
{
    public const string SubmitRoute = "/suggestions";

    /// <summary>For the ASP.NET Core instrumentation's filter: false drops the request's span.</summary>
    public static bool MayTrace(HttpContext http) =>
        !(HttpMethods.IsPost(http.Request.Method) && (http.Request.Path.Value ?? "").TrimEnd('/').EndsWith("/api" + SubmitRoute, StringComparison.OrdinalIgnoreCase));

    /// <summary>No span (Npgsql's included) is recorded until disposed, in this async flow.</summary>
    public static IDisposable Untraced() => SuppressInstrumentationScope.Begin();
}
