namespace Gateway.Saas.Email;

/// <summary>What an SMTP error reply means for the events (<see cref="SmtpDelivery.Classify"/>).</summary>
public enum SmtpFailure
{
    /// <summary>4xx: try again later.</summary>
    Retry,

    /// <summary>The server refuses the exporter (login, sender, session): the exporter is failing, nothing is lost.</summary>
    Refused,

    /// <summary>A permanent 5xx about a recipient or this message: dead-letter it.</summary>
    Reject,
}
