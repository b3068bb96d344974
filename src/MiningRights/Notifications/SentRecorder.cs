using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;

namespace MiningRights.Notifications;

/// <summary>
/// Writes "sent" for the notices one delivery run's workers get accepted, with one writer and one commit for whatever
/// has been accepted meanwhile on every connection (a group commit). Each worker waits for its notice's record before it
/// sends the next, so at any moment at most one accepted notice per worker is unrecorded: a process stopped then sends
/// no more notices again than before, and the workers no longer queue for the database one by one.
/// </summary>
internal sealed class SentRecorder : IAsyncDisposable
{
    private readonly Channel<(Guid Id, DateTime SentAtUtc, TaskCompletionSource<bool> Done)> _queue =
        Channel.CreateUnbounded<(Guid, DateTime, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _writer;

    public SentRecorder(IServiceScopeFactory scopes, SentRecords records) => _writer = Task.Run(() => WriteAsync(scopes, records));

    /// <summary>True once "sent" is written for the notice; false when it could not be (the caller holds it in memory).</summary>
    public Task<bool> RecordAsync(Guid id, DateTime sentAtUtc)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((id, sentAtUtc, done)))
        {
            done.SetResult(false);
        }

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync(IServiceScopeFactory scopes, SentRecords records)
    {
        var batch = new List<(Guid Id, DateTime SentAtUtc, TaskCompletionSource<bool> Done)>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (_queue.Reader.TryRead(out var accepted))
                {
                    batch.Add(accepted);
                }

                var written = await records.TryRecordAsync(db, batch.Select(b => (b.Id, b.SentAtUtc)).ToList());
                foreach (var accepted in batch)
                {
                    accepted.Done.SetResult(written);
                }

                batch.Clear();
            }
        }
        finally
        {
            // Whatever could not be written (the writer itself failed) is answered as such: its worker holds it in memory.
            _queue.Writer.TryComplete();
            foreach (var accepted in batch.Concat(Drain()))
            {
                accepted.Done.TrySetResult(false);
            }
        }
    }

    private IEnumerable<(Guid Id, DateTime SentAtUtc, TaskCompletionSource<bool> Done)> Drain()
    {
        while (_queue.Reader.TryRead(out var accepted))
        {
            yield return accepted;
        }
    }
}
