namespace CommitteeCloud.Web.Platform.Outbox;

/// <summary>
/// Work that must happen only once the transaction committed (live pushes, waking the dispatcher): a push for a
/// change that was rolled back would be a phantom.
/// </summary>
public sealed class AfterCommit(ILogger<AfterCommit> logger)
{
    private readonly List<Func<Task>> _actions = [];

    public void Add(Func<Task> action) => _actions.Add(action);

    public void Discard() => _actions.Clear();

    /// <summary>How many actions are queued: a mark to <see cref="DiscardFrom"/> when the work after it is rolled back.</summary>
    public int Count => _actions.Count;

    /// <summary>Drops the actions queued since <paramref name="mark"/> (their work was rolled back to a savepoint).</summary>
    public void DiscardFrom(int mark) => _actions.RemoveRange(mark, _actions.Count - mark);

    public async Task RunAsync()
    {
        var actions = _actions.ToArray();
        _actions.Clear();
        foreach (var action in actions)
        {
            try { await action(); }
            catch (Exception ex)
            {
                // The commit stands; a lost push is recovered from the inbox on the next page load.
                logger.LogWarning(ex, "An after-commit action failed");
            }
        }
    }
}

/// <summary>Wakes the dispatcher as soon as new events are committed, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
