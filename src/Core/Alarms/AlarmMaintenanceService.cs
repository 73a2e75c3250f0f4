using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Alarms;

/// <summary>Calls <see cref="AlarmManager.ProcessDueAsync"/> every <see cref="AlarmsOptions.MaintenanceInterval"/>.</summary>
public sealed partial class AlarmMaintenanceService : BackgroundService
{
    private readonly AlarmManager _alarms;
    private readonly AlarmsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AlarmMaintenanceService(AlarmManager alarms, AlarmsOptions options, TimeProvider time, ILogger<AlarmMaintenanceService> logger)
    {
        _alarms = alarms;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _alarms.ProcessDueAsync(stoppingToken);
                await Task.Delay(_options.MaintenanceInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage or routing trouble: keep going, the work is retried on the next tick.
                LogFailed(ex);
                try
                {
                    await Task.Delay(_options.MaintenanceInterval, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alarm maintenance failed; retrying")]
    private partial void LogFailed(Exception exception);
}
