using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Gateway.Core.Events;
using Gateway.Exporters.Gelf;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Gelf;

/// <summary>
/// End to end from one exporter on one thread: <see cref="GelfExporter.DeliverAsync"/> of batches of
/// 500 events (map, encode, compress, frame, send) to a local receiver that counts what it gets — a UDP
/// socket, or a TCP listener that counts 0-terminated frames. Messages/s = 1e9 / (ns per op). Sent and
/// received counts are printed at cleanup (UDP may drop when the receiver falls behind).
/// </summary>
[MemoryDiagnoser]
public class GelfThroughputBenchmarks
{
    private const int Batch = 500;
    private GatewayEvent[] _events = [];
    private CountingReceiver _receiver = null!;
    private GelfExporter _exporter = null!;
    private long _sent;

    [Params("udp", "tcp")]
    public string Transport { get; set; } = "udp";

    [Params("none", "gzip")]
    public string Compression { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        _events = Enumerable.Range(0, Batch).Select(i => i % 2 == 0 ? GelfBenchEvents.Alarm() : GelfBenchEvents.Notification()).ToArray();
        _receiver = new CountingReceiver(Transport == "tcp");
        var options = new GelfExporterOptions
        {
            Endpoint = $"{Transport}://127.0.0.1:{_receiver.Port}",
            Compression = Transport == "tcp" ? "none" : Compression,
            ChunkSize = 8192,
        };
        var endpoint = GelfEndpoint.Parse(options.Endpoint);
        _exporter = new GelfExporter(endpoint, GelfTransportOptionsValidation.EffectiveCompression(options, endpoint),
            GelfTransports.Create(options, TimeProvider.System), NullLogger<GelfExporter>.Instance);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task DeliverBatch()
    {
        await _exporter.DeliverAsync(_events, CancellationToken.None);
        _sent += Batch;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _exporter.DisposeAsync();
        await Task.Delay(1000);
        Console.WriteLine($"// {Transport}/{Compression}: sent {_sent}, received {_receiver.Received}");
        _receiver.Dispose();
    }

    private sealed class CountingReceiver : IDisposable
    {
        private readonly Socket _socket;
        private readonly CancellationTokenSource _stop = new();
        private long _received;

        public CountingReceiver(bool tcp)
        {
            _socket = tcp ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.ReceiveBufferSize = 8 * 1024 * 1024;
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
            if (tcp)
            {
                _socket.Listen();
                _ = Task.Run(AcceptAsync);
            }
            else
            {
                _ = Task.Run(() => CountAsync(_socket, datagrams: true));
            }
        }

        public int Port { get; }

        public long Received => Interlocked.Read(ref _received);

        public void Dispose()
        {
            _stop.Cancel();
            _socket.Dispose();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _socket.AcceptAsync(_stop.Token);
                _ = Task.Run(() => CountAsync(client, datagrams: false));
            }
        }

        private async Task CountAsync(Socket socket, bool datagrams)
        {
            var buffer = new byte[65536];
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }
                    // A datagram is a message (or one chunk of one); a TCP message ends at a 0 byte.
                    Interlocked.Add(ref _received, datagrams ? 1 : buffer.AsSpan(0, n).Count((byte)0));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
