namespace Gateway.Testing;

/// <summary>The net-snmp and libsmi programs the SNMP tests run.</summary>
internal static class NetSnmpTools
{
    public static string SnmpTrapd => PeerBinaries.Require("snmptrapd", "snmptrapd");

    public static string SnmpGet => PeerBinaries.Require("snmpget", "snmp");

    public static string SnmpWalk => PeerBinaries.Require("snmpwalk", "snmp");

    public static string SnmpBulkWalk => PeerBinaries.Require("snmpbulkwalk", "snmp");

    public static string SnmpSet => PeerBinaries.Require("snmpset", "snmp");

    public static string SnmpTrap => PeerBinaries.Require("snmptrap", "snmp");

    public static string SmiLint => PeerBinaries.Require("smilint", "smitools");
}
