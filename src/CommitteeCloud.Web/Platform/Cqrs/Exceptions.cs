namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>404: the thing does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>403: the caller is known here but lacks the permission.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>401: nobody is signed in.</summary>
public sealed class UnauthenticatedException() : Exception("Sign-in required.");

/// <summary>409: the thing changed since the caller read it, or already exists.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>400 for a request that needs a tenant and has none.</summary>
public sealed class TenantRequiredException() : Exception("Tenant required.");
