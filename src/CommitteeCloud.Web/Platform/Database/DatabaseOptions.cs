namespace CommitteeCloud.Web.Platform.Database;

/// <summary>
/// Where the data lives. With no <c>ConnectionStrings:App</c> the app starts its own PostgreSQL in
/// <see cref="DataDirectory"/>; with one it uses that server and starts nothing.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string AppRole = "cc_app";
    public const string DatabaseName = "committeecloud";

    /// <summary>Folder of the embedded cluster (git-ignored). Default: <c>.data/postgres</c> under the repository.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Tests turn durability off: a lost test database costs nothing and fsync costs seconds.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Connection of the role the app runs as: not the tables' owner, no BYPASSRLS.</summary>
    public string? AppConnectionString { get; set; }

    /// <summary>Connection allowed to migrate and grant (the owner or a superuser); defaults to the app's.</summary>
    public string? AdminConnectionString { get; set; }
}
