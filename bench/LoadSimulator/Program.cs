using System.Diagnostics;
using System.Runtime.InteropServices;
using LoadSimulator;

// Wiring only: parse, optionally start epmd, run the farm (default) or the driver (--drive).
var arguments = SimulatorArguments.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// SIGTERM (what measure.sh sends; background jobs ignore SIGINT) also stops cleanly, so the epmds we started die with us.
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var epmds = new List<Process>();
if (arguments.StartEpmd && arguments.AddressBase is null)
{
    epmds.AddRange(arguments.EpmdPorts().Select(EpmdLauncher.Start));
}

try
{
    if (arguments.Drive)
    {
        return await new Driver(arguments).RunAsync(stop.Token);
    }

    await using var farm = new NodeFarm(arguments);
    return await farm.RunAsync(stop.Token);
}
finally
{
    foreach (var epmd in epmds)
    {
        epmd.Kill();
        epmd.WaitForExit();
        epmd.Dispose();
    }
}
