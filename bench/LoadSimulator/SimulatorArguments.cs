using System.Globalization;

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
                default: throw new ArgumentException($"Unknown option {args[i]} (see bench/LoadSimulator/README.md).");
            }
        }

        return a;
    }

    public string NodeName(int index) => $"{Prefix}{index}@{HostName}";

    /// <summary>The epmd port of node <paramref name="index"/> (1-based, global across simulator processes).</summary>
    public int EpmdPortOf(int index) => EpmdPort + ((index - 1) / NodesPerEpmd);

    /// <summary>The epmd ports the nodes of this run use.</summary>
    public IEnumerable<int> EpmdPorts() =>
        Enumerable.Range(FirstNode, Nodes).Select(EpmdPortOf).Distinct();
}
