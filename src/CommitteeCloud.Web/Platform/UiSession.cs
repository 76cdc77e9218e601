using CommitteeCloud.Web.Features.Me;
using CommitteeCloud.Web.Platform.Cqrs;
using CommitteeCloud.Web.Platform.Errors;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CommitteeCloud.Web;

/// <summary>
/// How a Blazor page runs a use case. A circuit lives across navigations between tenants, so each call opens its
/// own scope, sets that scope's tenant and person once, and sends the request through the same pipeline as the
/// API (validation, authorization, transaction, audit).
/// </summary>
public sealed class UiSession(IServiceScopeFactory scopes, TenantStore store, AuthenticationStateProvider auth, IStringLocalizer<Ui> text)
{
    private MyProfile? _profile;

    public Task<T> SendAsync<T>(string? tenantCode, IQuery<T> query, CancellationToken ct = default) =>
        RunAsync(tenantCode, (m, c) => m.Send(query, c), ct);

    public Task<T> SendAsync<T>(string? tenantCode, ICommand<T> command, CancellationToken ct = default) =>
        RunAsync(tenantCode, (m, c) => m.Send(command, c), ct);

    public async Task<Guid?> UserIdAsync() => (await auth.GetAuthenticationStateAsync()).User.FindUserId();

    /// <summary>Raised when the person's tenants may have changed (added to one, provisioned one).</summary>
    public event Action? ProfileChanged;

    public void ForgetProfile()
    {
        _profile = null;
        ProfileChanged?.Invoke();
    }

    /// <summary>The signed-in person and their tenants; read once per circuit until forgotten.</summary>
    public async Task<MyProfile?> ProfileAsync()
    {
        if (_profile is not null) return _profile;
        if (await UserIdAsync() is null) return null;
        return _profile = await SendAsync(null, new MyProfileQuery());
    }

    /// <summary>An exception as the user should read it: a localized title and the messages per field.</summary>
    public (string Title, IDictionary<string, string[]> Errors) Describe(Exception exception)
    {
        var (_, titleKey, errors) = ProblemExceptionHandler.Classify(exception);
        return (text[titleKey], errors ?? new Dictionary<string, string[]>());
    }

    private async Task<T> RunAsync<T>(string? tenantCode, Func<IMediator, CancellationToken, ValueTask<T>> send, CancellationToken ct)
    {
        var principal = (await auth.GetAuthenticationStateAsync()).User;
        TenantInfo? tenant = null;
        if (tenantCode is not null)
        {
            tenant = (Domain.Tenants.Tenant.IsValidCode(tenantCode) ? await store.FindByCodeAsync(tenantCode, ct) : null)
                ?? throw new NotFoundException(ProblemTextKeys.TenantNotFound);
            if (!tenant.IsActive) throw new ForbiddenException(ProblemText.TenantSuspended);
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant, principal.FindUserId());
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = principal;
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>(), ct);
    }
}
