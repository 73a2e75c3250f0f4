using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Rules;

/// <summary>Feeds the <see cref="NotificationQueue"/> to the <see cref="LogRuleEngine"/> and checks quiet periods every second.</summary>
public sealed partial class LogRuleService : BackgroundService
{
    private readonly NotificationQueue _queue;
    private readonly LogRuleEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LogRuleService(NotificationQueue queue, LogRuleEngine engine, TimeProvider time, ILogger<LogRuleService> logger)
    {
        _queue = queue;
        _engine = engine;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_engine.Rules.Count == 0)
        {
            // Nothing to evaluate: drain the queue so it never fills.
            await foreach (var _ in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
            }
            return;
        }
        var nextQuietCheck = _time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var second = new CancellationTokenSource(TimeSpan.FromSeconds(1), _time);
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, second.Token);
                try
                {
                    if (await _queue.Reader.WaitToReadAsync(tick.Token))
                    {
                        while (_queue.Reader.TryRead(out var n))
                        {
                            await _engine.ObserveAsync(n, stoppingToken);
                        }
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The one-second tick: fall through to the quiet-period check.
                }
                if (_time.GetUtcNow() >= nextQuietCheck)
                {
                    nextQuietCheck = _time.GetUtcNow() + TimeSpan.FromSeconds(1);
                    await _engine.ClearQuietAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Log rule evaluation failed")]
    private partial void LogFailed(Exception exception);
}
