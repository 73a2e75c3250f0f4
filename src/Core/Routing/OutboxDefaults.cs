using Gateway.Core.Outbox;
using Microsoft.Extensions.Configuration;

namespace Gateway.Core.Routing;

/// <summary>
/// The global <c>outbox:</c> section, from which every push exporter's own <c>outbox:</c> starts. Read
/// without validating: the global section's errors are reported once, under <c>outbox.</c>, by its own
/// validator.
/// </summary>
public sealed class OutboxDefaults
{
    private readonly IConfiguration _section;

    public OutboxDefaults(IConfiguration section)
    {
        _section = section;
    }

    /// <summary>A fresh copy of the global options; a value that does not bind keeps its default.</summary>
    public OutboxOptions Create()
    {
        var options = new OutboxOptions();
        try
        {
            _section.Bind(options);
        }
        catch (InvalidOperationException)
        {
            // Reported with its path when the global OutboxOptions are validated.
        }
        return options;
    }
}
