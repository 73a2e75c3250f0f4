using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Gelf;

/// <summary>Validates the GELF keys of <c>exporters.gelf</c>; the kit validates the common push keys after it.</summary>
public sealed class GelfExporterOptionsValidator : IValidateOptions<GelfExporterOptions>
{
    public ValidateOptionsResult Validate(string? name, GelfExporterOptions options)
    {
        var errors = new List<string>();
        GelfTransportOptionsValidation.Validate(options, GelfExporterOptions.YamlPath, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
