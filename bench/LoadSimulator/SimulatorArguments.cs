using System.Globalization;
using System.Net;

namespace LoadSimulator;

/// <summary>Command line of the simulator (see README.md).</summary>
internal sealed class SimulatorArguments
{
    public int Nodes { get; private set; } = 1000;

    public int FirstNode { get; private set; } = 1;

    public int EpmdPort { get; private set; } = 4369;

    public string Cookie { get; private set; } = "loadsim";

    public string HostName { get; private set; } = "localhost";

    public string Prefix { get; private set; } = "sim";

    public bool StartEpmd { get; private set; }

    public int? UntilAllCalled { get; private set; }

    public int BasePort { get; private set; }

    public bool Drive { get; private set; }

    public TimeSpan Interval { get; private set; } = TimeSpan.FromSeconds(15);

    public int Cycles { get; private set; } = 4;

    public int StartConcurrency { get; private set; } = 64;

    /// <summary>
    /// epmd watches its sockets with select(), so one instance holds at most about 1,020 connections
    /// (registrations plus lookups in progress); past that it drops new ones. Node i registers with
    /// the epmd on port EpmdPort + (i - 1) / NodesPerEpmd.
    /// </summary>
    public int NodesPerEpmd { get; private set; } = 500;

    /// <summary>
    /// When set, group g (0-based, NodesPerEpmd nodes each) lives on loopback address base + g: its
    /// nodes are named <c>P&lt;i&gt;@127.0.0.K</c> (long names), listen on 127.0.0.K, and a built-in
    /// epmd answers on 127.0.0.K:EpmdPort, so one epmd port serves every group (the gateway looks
    /// every host up on one port).
    /// </summary>
    public IPAddress? AddressBase { get; private set; }

    public static SimulatorArguments Parse(string[] args)
    {
        var a = new SimulatorArguments();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--nodes": a.Nodes = NextInt(); break;
                case "--first-node": a.FirstNode = NextInt(); break;
                case "--epmd-port": a.EpmdPort = NextInt(); break;
                case "--cookie": a.Cookie = Next(); break;
                case "--host-name": a.HostName = Next(); break;
                case "--prefix": a.Prefix = Next(); break;
                case "--start-epmd": a.StartEpmd = true; break;
                case "--until-all-called": a.UntilAllCalled = NextInt(); break;
                case "--base-port": a.BasePort = NextInt(); break;
                case "--drive": a.Drive = true; break;
                case "--interval": a.Interval = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--cycles": a.Cycles = NextInt(); break;
                case "--start-concurrency": a.StartConcurrency = NextInt(); break;
                case "--nodes-per-epmd": a.NodesPerEpmd = NextInt(); break;
                case "--address-base": a.AddressBase = IPAddress.Parse(Next()); break;
                default: throw new ArgumentException($"Unknown option {args[i]} (see bench/LoadSimulator/README.md).");
            }
        }

        return a;
    }

    public string NodeName(int index) => $"{Prefix}{index}@{(AddressBase is null ? HostName : AddressOf(index).ToString())}";

    /// <summary>The epmd port of node <paramref name="index"/> (1-based, global across simulator processes).</summary>
    public int EpmdPortOf(int index) => AddressBase is null ? EpmdPort + ((index - 1) / NodesPerEpmd) : EpmdPort;

    /// <summary>The address node <paramref name="index"/> listens on, and its group's epmd: loopback, or <see cref="AddressBase"/> + group.</summary>
    public IPAddress AddressOf(int index)
    {
        if (AddressBase is null)
        {
            return IPAddress.Loopback;
        }

        var bytes = AddressBase.GetAddressBytes();
        var value = (uint)((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) + (uint)((index - 1) / NodesPerEpmd);
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    /// <summary>The addresses the nodes of this run use (one built-in epmd each with <see cref="AddressBase"/>).</summary>
    public IEnumerable<IPAddress> Addresses() =>
        Enumerable.Range(FirstNode, Nodes).Select(AddressOf).Distinct();

    /// <summary>The epmd ports the nodes of this run use.</summary>
    public IEnumerable<int> EpmdPorts() =>
        Enumerable.Range(FirstNode, Nodes).Select(EpmdPortOf).Distinct();
}
