using Microsoft.Extensions.Logging;
using JobLogLevel = Hangfire.Logging.LogLevel;

namespace MiningRights.Scheduling;

/// <summary>
/// Hangfire's log, written to the service's. Hangfire keeps one log provider per process while every service container
/// has its own logger factory (one in production; several in a test process, each disposed when its service stops), so
/// the provider writes to the factory of the latest service still running, and to nothing between services.
/// </summary>
internal sealed class JobLog : Hangfire.Logging.ILogProvider
{
    public static readonly JobLog Provider = new();

    private readonly List<ILoggerFactory> _running = [];

    /// <summary>Writes Hangfire's log to <paramref name="factory"/> until the answer is disposed (when the service stops).</summary>
    public IDisposable Attach(ILoggerFactory factory)
    {
        lock (_running)
        {
            _running.Add(factory);
        }

        return new Detach(this, factory);
    }

    public Hangfire.Logging.ILog GetLogger(string name) => new Writer(this, name);

    private ILogger? Current(string name)
    {
        lock (_running)
        {
            return _running.Count == 0 ? null : _running[^1].CreateLogger(name);
        }
    }

    private sealed class Writer(JobLog log, string name) : Hangfire.Logging.ILog
    {
        public bool Log(JobLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                JobLogLevel.Trace => LogLevel.Trace,
                JobLogLevel.Debug => LogLevel.Debug,
                JobLogLevel.Info => LogLevel.Information,
                JobLogLevel.Warn => LogLevel.Warning,
                JobLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            var logger = log.Current(name);
            if (logger is null || !logger.IsEnabled(level))
            {
                return false;
            }

            if (messageFunc is not null)
            {
                logger.Log(level, exception, "{Message}", messageFunc());
            }

            return true;
        }
    }

    private sealed class Detach(JobLog log, ILoggerFactory factory) : IDisposable
    {
        public void Dispose()
        {
            lock (log._running)
            {
                log._running.Remove(factory);
            }
        }
    }
}
