using System.Globalization;
using System.Text;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Agentless;

/// <summary>
/// The agent's <c>os_process</c> entry from plain RPCs on a Linux node: <c>file:read_file/1</c> of
/// <c>/proc/self/stat</c>, <c>/proc/self/status</c>, <c>/proc/self/limits</c> and <c>/proc/stat</c>,
/// <c>file:list_dir("/proc/self/fd")</c> and <c>os:system_time(millisecond)</c>, parsed here as
/// gateway_agent.erl parses them (proc(5); clock ticks at 100 Hz). What the node sends is read
/// defensively: a field that is missing or not a number is left out, never an exception.
/// </summary>
internal static class AgentlessOsProcess
{
    // proc(5) field numbers of /proc/self/stat.
    private static readonly (string Key, int Field)[] StatFields =
        [("minflt", 10), ("majflt", 12), ("utime", 14), ("stime", 15), ("num_threads", 20), ("starttime", 22), ("vsize", 23)];

    private static readonly (string Name, string Key, long Scale)[] StatusFields =
    [
        ("VmRSS", "resident_memory_bytes", 1024), ("VmHWM", "max_resident_memory_bytes", 1024),
        ("voluntary_ctxt_switches", "voluntary_context_switches", 1), ("nonvoluntary_ctxt_switches", "involuntary_context_switches", 1),
    ];

    /// <summary>The map, or null when the node is not Linux or /proc/self/stat cannot be read.</summary>
    public static ErlangTerm? Build(ErlangTerm? osType, ErlangTerm? stat, ErlangTerm? status, ErlangTerm? limits, ErlangTerm? procStat, ErlangTerm? fds, ErlangTerm? nowMs)
    {
        if (osType is not ErlangTuple { Arity: 2 } type || !type[0].IsAtom("unix") || !type[1].IsAtom("linux")
            || Text(stat) is not { } statText)
        {
            return null;
        }
        var fields = ParseStat(statText);
        var pairs = new List<(ErlangTerm, ErlangTerm)>();
        void Add(string key, ErlangTerm value) => pairs.Add((ErlangAtom.Of(key), value));
        if (fields.TryGetValue("utime", out var utime))
        {
            Add("utime_seconds", ErlangTerm.Float(utime / 100.0));
        }
        if (fields.TryGetValue("stime", out var stime))
        {
            Add("stime_seconds", ErlangTerm.Float(stime / 100.0));
        }
        foreach (var (from, to) in new[] { ("num_threads", "threads"), ("vsize", "virtual_memory_bytes"), ("minflt", "minor_page_faults"), ("majflt", "major_page_faults") })
        {
            if (fields.TryGetValue(from, out var value))
            {
                Add(to, ErlangInteger.Of(value));
            }
        }
        if (fields.TryGetValue("starttime", out var startTicks) && Text(procStat) is { } procText && LineValue(procText, "btime") is { } bootTime)
        {
            var start = bootTime + (startTicks / 100.0);
            Add("start_time_seconds", ErlangTerm.Float(start));
            if (nowMs is not null && nowMs.TryGetLong(out var now))
            {
                Add("uptime_seconds", ErlangTerm.Float((now / 1000.0) - start));
            }
        }
        if (fds is ErlangTuple { Arity: 2 } listed && listed[0].IsAtom("ok") && listed[1] is ErlangList entries)
        {
            Add("open_fds", ErlangInteger.Of(entries.Count));
        }
        if (Text(limits) is { } limitsText && MaxOpenFiles(limitsText) is { } maxFds)
        {
            Add("max_fds", ErlangInteger.Of(maxFds));
        }
        if (Text(status) is { } statusText)
        {
            foreach (var (name, key, scale) in StatusFields)
            {
                if (StatusValue(statusText, name) is { } value)
                {
                    Add(key, ErlangInteger.Of(value * scale));
                }
            }
        }
        return ErlangMap.Of([.. pairs]);
    }

    // {ok, Binary} from file:read_file/1.
    private static string? Text(ErlangTerm? read) =>
        read is ErlangTuple { Arity: 2 } t && t[0].IsAtom("ok") && t[1] is ErlangBinary binary
            ? Encoding.Latin1.GetString(binary.Span)
            : null;

    // Fields after the command name, which may itself hold spaces and parentheses: after the last ')'.
    private static Dictionary<string, long> ParseStat(string text)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return result;
        }
        var fields = text[(close + 1)..].Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (key, field) in StatFields)
        {
            // Field 3 is the first after the command name.
            var index = field - 3;
            if (index < fields.Length && long.TryParse(fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                result[key] = value;
            }
        }
        return result;
    }

    // "Name:   123 kB" in /proc/self/status.
    private static long? StatusValue(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).SequenceEqual(name))
            {
                return LeadingInteger(line[(colon + 1)..]);
            }
        }
        return null;
    }

    // "btime 1764140000" in /proc/stat.
    private static long? LineValue(string text, string prefix)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return LeadingInteger(line[prefix.Length..]);
            }
        }
        return null;
    }

    // "Max open files            1024                 1048576              files" in /proc/self/limits: the soft limit.
    private static long? MaxOpenFiles(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                return LeadingInteger(line["Max open files".Length..]);
            }
        }
        return null;
    }

    private static long? LeadingInteger(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var end = 0;
        while (end < trimmed.Length && char.IsAsciiDigit(trimmed[end]))
        {
            end++;
        }
        return end > 0 && long.TryParse(trimmed[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
