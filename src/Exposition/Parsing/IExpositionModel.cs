namespace Gateway.Exposition;

/// <summary>
/// What an <see cref="ExpositionParser{TLabels, TSample, TFamily}"/> builds: the caller's own label
/// sets, samples and families, so the parser hands out the caller's types without a copy. Called
/// from one parse at a time per parser; a model shared by several parsers must be thread-safe.
/// </summary>
/// <typeparam name="TLabels">A label set; compared with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
/// <typeparam name="TSample">One sample.</typeparam>
/// <typeparam name="TFamily">One metric family.</typeparam>
public interface IExpositionModel<TLabels, TSample, TFamily>
    where TLabels : notnull
{
    /// <summary>
    /// Interns a decoded metric name, label name, label value or HELP text. Label names are compared
    /// by reference to find duplicates, so one name must always give the same instance.
    /// </summary>
    string Intern(ReadOnlySpan<char> text);

    /// <summary>
    /// The label set of a series not seen before: <paramref name="labels"/> sorted by name (ordinal),
    /// names unique, possibly empty. The parser keeps the result for the series' later scrapes.
    /// </summary>
    TLabels CreateLabels(ReadOnlySpan<ExpositionLabel> labels);

    /// <summary>The value of label <paramref name="name"/> in <paramref name="labels"/>, or null (for error messages).</summary>
    string? LabelValue(TLabels labels, string name);

    /// <summary>One sample: the series name as written, its labels, value and optional timestamp (Unix ms).</summary>
    TSample CreateSample(string name, TLabels labels, double value, long? timestampMs);

    /// <summary>
    /// One family: its name as declared (see README.md), type, help and unit (empty when absent) and its
    /// samples in input order. The parser hands over <paramref name="samples"/> and never touches it again.
    /// </summary>
    TFamily CreateFamily(string name, FamilyType type, string help, string unit, List<TSample> samples);
}
