using CommitteeCloud.Web.Platform.Tenancy;
using Mediator;

namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>Checks the access rule the request declared (see <see cref="RequirePermissionAttribute"/>).</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ITenantContext context, PermissionService permissions, CurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (context.UserId is null) throw new UnauthenticatedException();

        if (AccessRule<TMessage>.Platform)
        {
            if (!currentUser.IsPlatformOperator) throw new ForbiddenException("Chỉ quản trị nền tảng được thực hiện thao tác này.");
        }
        else if (AccessRule<TMessage>.Permission is { } permission)
        {
            var tenant = context.Tenant ?? throw new TenantRequiredException();
            var granted = await permissions.GetAsync(tenant.Id, context.UserId.Value, cancellationToken)
                ?? throw new NotFoundException(ProblemTextKeys.TenantNotFound);
            if (!granted.Contains(permission)) throw new ForbiddenException(permission);
        }
        else if (!AccessRule<TMessage>.Personal)
        {
            throw new InvalidOperationException($"{typeof(TMessage).Name} declares no access rule.");
        }
        return await next(message, cancellationToken);
    }
}

public static class ProblemTextKeys
{
    public const string TenantNotFound = "tenant-not-found";
}
