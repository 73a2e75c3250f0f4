namespace Gateway.Snmp.Notifications;

/// <summary>
/// What became of one notification: acknowledged (inform) or handed to the socket (trap), or why not.
/// <see cref="Retryable"/> separates "no answer / network" (try again later) from the receiver
/// rejecting it (wrong credentials, unknown user, an error-status): retrying those only helps after a
/// configuration change, which the exporter glue can surface as a permanent failure.
/// </summary>
public readonly record struct NotificationResult(bool Delivered, int Attempts, string? Error, bool Retryable = false)
{
    public static NotificationResult Success(int attempts) => new(true, attempts, null);

    /// <summary>No answer or a local send error.</summary>
    public static NotificationResult Failure(int attempts, string error) => new(false, attempts, error, Retryable: true);

    /// <summary>The receiver answered and refused (report or error-status).</summary>
    public static NotificationResult Rejected(int attempts, string error) => new(false, attempts, error, Retryable: false);
}
