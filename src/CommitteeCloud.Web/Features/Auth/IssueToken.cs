using CommitteeCloud.Web.Platform.Errors;
using CommitteeCloud.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Features.Auth;

/// <summary>
/// A bearer token for API clients, in exchange for a user name (or e-mail) and password. Failed attempts count
/// towards lockout exactly as UI sign-ins do.
/// </summary>
public sealed record TokenRequest(string UserName, string Password);

public sealed class IssueTokenEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/auth/token", async (TokenRequest request, HttpContext http, SignInManager<User> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["Cần tên đăng nhập."];
                if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Cần mật khẩu."];
                await ProblemResponses.WriteAsync(http, StatusCodes.Status400BadRequest, ProblemText.Validation, errors);
                return Results.Empty;
            }
            var outcome = await SignInFlow.CheckPasswordAsync(signIn, request.UserName, request.Password);
            if (outcome.User is null)
            {
                await ProblemResponses.WriteAsync(http, StatusCodes.Status401Unauthorized,
                    outcome.LockedOut ? "SignIn.LockedOut" : "SignIn.Failed");
                return Results.Empty;
            }
            var principal = await signIn.CreateUserPrincipalAsync(outcome.User);
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Auth").WithSummary("Exchange a user name and password for a bearer token")
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
}
