using Npgsql;

namespace CommitteeCloud.Web.Platform.Jobs;

/// <summary>
/// A PostgreSQL session advisory lock: how a scheduled job runs on one node at a time. Held on a connection of its
/// own for the run, released on dispose (or by PostgreSQL if the node dies).
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The lock, or null when another node holds it.</summary>
    public static async Task<AdvisoryLock?> TryTakeAsync(string? connectionString, long key, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({key})", connection);
        if (await take.ExecuteScalarAsync(ct) is true) return new AdvisoryLock(connection, key);
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({_key})", _connection);
            await release.ExecuteScalarAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
