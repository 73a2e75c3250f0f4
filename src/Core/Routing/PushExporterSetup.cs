using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

/// <summary>What an exporter may add to its <c>AddPushExporter</c> call; everything is optional.</summary>
public sealed class PushExporterSetup<TOptions>
    where TOptions : PushExporterOptions
{
    /// <summary>Validates the exporter's own keys (with YAML paths); the common keys are validated by the kit.</summary>
    public IValidateOptions<TOptions>? Validator { get; set; }

    /// <summary>The names its <c>events</c> key accepts.</summary>
    public EventVocabulary Events { get; set; } = EventVocabulary.Standard;

    /// <summary>Registered also when its section is absent (the console exporter); otherwise only a present section turns it on.</summary>
    public bool OnByDefault { get; set; }
}
