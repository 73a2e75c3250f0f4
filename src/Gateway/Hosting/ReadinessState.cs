namespace Gateway.Hosting;

/// <summary>Whether the gateway has finished starting (for <c>/readyz</c>).</summary>
public sealed class ReadinessState
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
