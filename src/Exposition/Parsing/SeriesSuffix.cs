namespace Gateway.Exposition;

/// <summary>What a series name adds to its family name.</summary>
internal enum SeriesSuffix : byte
{
    None,
    Total,
    Created,
    Bucket,
    Sum,
    Count,
    GSum,
    GCount,
    Info,
    Other,
}
