using Gateway.Core.Events;

namespace Gateway.Core.Rules;

/// <summary>One threshold of a rule and the severity raised when it is crossed.</summary>
public sealed record ThresholdLevel(double Threshold, Severity Severity);
