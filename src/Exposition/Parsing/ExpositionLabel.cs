namespace Gateway.Exposition;

/// <summary>A decoded label of a series: name and unescaped value, both interned by the model.</summary>
public readonly record struct ExpositionLabel(string Name, string Value);
