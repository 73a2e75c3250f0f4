namespace Gateway.Configuration;

/// <summary>Which options type binds which configuration section, for the unknown-key check.</summary>
public sealed class OptionsSections
{
    private readonly List<(string Section, Type Type)> _sections = [];

    public IReadOnlyList<(string Section, Type Type)> All => _sections;

    public OptionsSections Add<T>(string section)
    {
        _sections.Add((section, typeof(T)));
        return this;
    }
}
