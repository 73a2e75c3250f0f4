using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Gateway.IntegrationTests.Kafka;

/// <summary>
/// librdkafka's mock cluster in a process of its own (<c>mock-kafka-broker.py</c>, python3 + ctypes on
/// the redist's <c>centos8-librdkafka.so</c>), so a test can take the broker down and up while the
/// gateway runs. Topics are created up front (the mock refuses CreateTopics); messages live as long as
/// the process. Stopped by its PID on dispose.
/// </summary>
public sealed class MockKafkaBroker : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _output = new();

    private MockKafkaBroker(Process process)
    {
        _process = process;
    }

    public string BootstrapServers { get; private set; } = string.Empty;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<MockKafkaBroker> StartAsync(params (string Topic, int Partitions)[] topics)
    {
        var python = PeerBinaries.Require("python3", "python3");
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kafka", "mock-kafka-broker.py"));
        info.ArgumentList.Add(LibrdkafkaPath());
        foreach (var (topic, partitions) in topics)
        {
            info.ArgumentList.Add("--topic");
            info.ArgumentList.Add($"{topic}:{partitions}");
        }
        var broker = new MockKafkaBroker(new Process { StartInfo = info });
        broker._process.OutputDataReceived += (_, e) => broker.OnLine(e.Data, command: true);
        broker._process.ErrorDataReceived += (_, e) => broker.OnLine(e.Data, command: false);
        broker._process.Start();
        broker._process.BeginOutputReadLine();
        broker._process.BeginErrorReadLine();
        try
        {
            var first = await broker.NextLineAsync();
            if (!first.StartsWith("bootstrap ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the mock Kafka broker did not start: {first}{Environment.NewLine}{broker.Output}");
            }
            broker.BootstrapServers = first["bootstrap ".Length..].Trim();
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    /// <summary>The redist's librdkafka that needs no libsasl2 (see TESTBED.md), from the test output or the NuGet cache.</summary>
    public static string LibrdkafkaPath()
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "centos8-librdkafka.so") };
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var redist = Path.Combine(nuget, "librdkafka.redist");
        if (Directory.Exists(redist))
        {
            candidates.AddRange(Directory.GetDirectories(redist).Order(StringComparer.Ordinal).Reverse()
                .Select(d => Path.Combine(d, "runtimes", "linux-x64", "native", "centos8-librdkafka.so")));
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "centos8-librdkafka.so not found: it comes with the NuGet package librdkafka.redist (a dependency of Confluent.Kafka); run dotnet restore and build the solution");
    }

    /// <summary>Broker <paramref name="id"/> closes its connections and refuses new ones.</summary>
    public Task SetDownAsync(int id = 1) => CommandAsync($"down {id}");

    public Task SetUpAsync(int id = 1) => CommandAsync($"up {id}");

    public Task CreateTopicAsync(string topic, int partitions) => CommandAsync($"topic {topic} {partitions}");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("quit");
                await _process.StandardInput.FlushAsync();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }

    private async Task CommandAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var answer = await NextLineAsync();
        if (!answer.StartsWith("ok", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"mock Kafka broker: \"{command}\" failed: {answer}");
        }
    }

    private async Task<string> NextLineAsync()
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException($"the mock Kafka broker did not answer (exited: {_process.HasExited}){Environment.NewLine}{Output}", e);
        }
    }

    private void OnLine(string? line, bool command)
    {
        if (line is null)
        {
            if (command)
            {
                _lines.Writer.TryComplete();
            }
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (command)
        {
            _lines.Writer.TryWrite(line);
        }
    }
}
