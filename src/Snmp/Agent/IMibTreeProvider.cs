namespace Gateway.Snmp.Agent;

/// <summary>Supplies part of the agent's MIB view. Called once per request; return a cached snapshot when nothing changed.</summary>
public interface IMibTreeProvider
{
    MibSnapshot GetSnapshot();
}
