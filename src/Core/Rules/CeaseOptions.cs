namespace Gateway.Core.Rules;

/// <summary><c>cease:</c> of a threshold rule: the opposite direction of <c>raise</c> (an <c>above</c> rule ceases <c>below</c>).</summary>
public sealed class CeaseOptions
{
    public double? Above { get; set; }

    public double? Below { get; set; }
}
