namespace CommitteeCloud.Web.Platform.Errors;

/// <summary>Resource keys of the Problem Details titles (Resources/Ui*.resx).</summary>
public static class ProblemText
{
    public const string Validation = "Problem.Validation";
    public const string NotFound = "Problem.NotFound";
    public const string TenantNotFound = "Problem.TenantNotFound";
    public const string TenantSuspended = "Problem.TenantSuspended";
    public const string TenantRequired = "Problem.TenantRequired";
    public const string Forbidden = "Problem.Forbidden";
    public const string Unauthenticated = "Problem.Unauthenticated";
    public const string Conflict = "Problem.Conflict";
    public const string Duplicate = "Problem.Duplicate";
    public const string BadJson = "Problem.BadJson";
    public const string BadRequest = "Problem.BadRequest";
    public const string TooLarge = "Problem.TooLarge";
    public const string Server = "Problem.Server";
}
