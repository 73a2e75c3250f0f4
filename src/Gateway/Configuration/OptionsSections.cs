using Gateway.Core.Routing;

namespace Gateway.Configuration;

/// <summary>Which options type binds which configuration section, for the unknown-key check.</summary>
public sealed class OptionsSections
{
    private readonly List<(string Section, Type Type)> _sections = [];
    private readonly HashSet<string> _bound = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<(string Section, Type Type)> All => _sections;

    public OptionsSections Add<T>(string section) => Add(section, typeof(T));

    public OptionsSections Add(string section, Type optionsType)
    {
        _sections.Add((section, optionsType));
        _bound.Add(section);
        return this;
    }

    /// <summary>The section of every push exporter registered through the kit (configured or not).</summary>
    public OptionsSections AddPushExporters(IServiceCollection services)
    {
        foreach (var exporter in services.PushExporters())
        {
            if (!_bound.Contains(exporter.Section))
            {
                Add(exporter.Section, exporter.OptionsType);
            }
        }
        return this;
    }

    /// <summary>Whether <paramref name="section"/> is bound by an options type of its own (so its parent's check skips it).</summary>
    public bool IsBound(string section) => _bound.Contains(section);
}
