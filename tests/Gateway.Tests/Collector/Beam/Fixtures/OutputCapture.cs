using System.Diagnostics;
using System.Text;

namespace Gateway.Tests.Collector.Beam.Fixtures;

/// <summary>Collects a child's stdout and stderr (bounded) so failures can show what it said.</summary>
public sealed class OutputCapture
{
    private const int MaxChars = 64 * 1024;
    private readonly StringBuilder text = new();
    private readonly Lock gate = new();

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (gate)
        {
            return text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            if (text.Length < MaxChars)
            {
                text.AppendLine(line);
            }
        }
    }
}
