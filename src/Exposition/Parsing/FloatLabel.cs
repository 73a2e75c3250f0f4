namespace Gateway.Exposition;

/// <summary>Whether a series carries an <c>le</c>/<c>quantile</c> label and whether its value is a float.</summary>
internal enum FloatLabel : byte
{
    Absent,
    Float,
    NotFloat,
}
