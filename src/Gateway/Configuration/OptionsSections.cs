namespace Gateway.Configuration;

/// <summary>Which options type binds which configuration section, for the unknown-key check.</summary>
public sealed class OptionsSections
{
    private readonly List<(string Section, Type Type)> _sections = [];
    private readonly HashSet<string> _bound = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<(string Section, Type Type)> All => _sections;

    public OptionsSections Add<T>(string section)
    {
        _sections.Add((section, typeof(T)));
        _bound.Add(section);
        return this;
    }

    /// <summary>Whether <paramref name="section"/> is bound by an options type of its own (so its parent's check skips it).</summary>
    public bool IsBound(string section) => _bound.Contains(section);
}
