namespace CommitteeCloud.Testing;

/// <summary>Waits for something asynchronous (outbox delivery, a push) without timing assertions: a generous deadline.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }

    public static Task<T> WithinAsync<T>(TaskCompletionSource<T> source, TimeSpan? within = null) =>
        source.Task.WaitAsync(within ?? TimeSpan.FromSeconds(20));
}
