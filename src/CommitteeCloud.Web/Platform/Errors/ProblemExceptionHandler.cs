using System.Text.Json;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Platform.Cqrs;
using CommitteeCloud.Web.Platform.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommitteeCloud.Web.Platform.Errors;

/// <summary>
/// Turns every exception into Problem Details: a user's mistake is a 4xx naming what is wrong, never a 500.
/// Only a genuine fault is a 500, and its details stay in the log.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = Classify(exception);
        if (status >= 500) LogUnhandled(logger, exception);
        await ProblemResponses.WriteAsync(http, status, title, errors);
        return true;
    }

    public static (int Status, string Title, IDictionary<string, string[]>? Errors) Classify(Exception exception) => exception switch
    {
        ValidationException v => (400, ProblemText.Validation, v.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        DomainRuleException d => (400, ProblemText.Validation, new Dictionary<string, string[]> { [d.Field] = [d.Message] }),
        TenantRequiredException => (400, ProblemText.TenantRequired, null),
        NotFoundException n when n.Message == ProblemTextKeys.TenantNotFound => (404, ProblemText.TenantNotFound, null),
        NotFoundException => (404, ProblemText.NotFound, null),
        TenantIsolationException => (404, ProblemText.NotFound, null),
        UnauthenticatedException => (401, ProblemText.Unauthenticated, null),
        ForbiddenException => (403, ProblemText.Forbidden, null),
        ConflictException => (409, ProblemText.Duplicate, null),
        DbUpdateConcurrencyException => (409, ProblemText.Conflict, null),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => (409, ProblemText.Duplicate, null),
        BadHttpRequestException { InnerException: JsonException } => (400, ProblemText.BadJson, null),
        BadHttpRequestException { StatusCode: 413 } => (413, ProblemText.TooLarge, null),
        BadHttpRequestException b => (b.StatusCode, ProblemText.BadRequest, null),
        JsonException => (400, ProblemText.BadJson, null),
        _ => (500, ProblemText.Server, null),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception ex);

    /// <summary>"Task.Recurrence" → "task.recurrence": the JSON path the client sent, segment by segment.</summary>
    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
