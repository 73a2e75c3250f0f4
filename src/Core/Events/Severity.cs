namespace Gateway.Core.Events;

/// <summary>X.733-style perceived severity. Ordered: a larger value is more severe.</summary>
public enum Severity
{
    Cleared = 0,
    Indeterminate = 1,
    Warning = 2,
    Minor = 3,
    Major = 4,
    Critical = 5,
}
