using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// Code-server findings the built-in alarms need (<c>module_clash</c>, <c>old_code</c>): modules with a
/// <c>.beam</c> in more than one code-path directory, and modules with old code loaded.
/// </summary>
internal static class CodeMetrics
{
    /// <summary>Separator of the directories in the <c>paths</c> label (the code-path separator on Unix).</summary>
    public const char PathSeparator = ':';

    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        // module_clashes => [{ModuleBin, [DirBin]}] | undefined
        var clashesTerm = TermAccess.Get(reply, "module_clashes");
        if (clashesTerm is ErlangList)
        {
            var clashes = ctx.Family("erlang_vm_module_clash_info", MetricType.Gauge,
                "Modules with a .beam file in more than one code-path directory, with those directories in path order (always 1).");
            var count = 0;
            foreach (var item in TermAccess.Items(clashesTerm))
            {
                if (item is ErlangTuple { Arity: 2 } t && TermAccess.TryText(t[0], out var module) && module.Length > 0)
                {
                    var dirs = new List<string>();
                    foreach (var dir in TermAccess.Items(t[1]))
                    {
                        if (TermAccess.TryText(dir, out var text))
                        {
                            dirs.Add(text);
                        }
                    }

                    clashes.Add(ctx.Labels("module", module, "paths", string.Join(PathSeparator, dirs)), 1);
                    count++;
                }
            }

            ctx.Single("erlang_vm_module_clashes", MetricType.Gauge,
                "Modules with a .beam file in more than one code-path directory (at most 100 are reported).", ErlangInteger.Of(count));
        }

        // old_code => #{count => N, modules => [Module]} | undefined
        var oldCode = TermAccess.Get(reply, "old_code");
        if (oldCode is ErlangMap)
        {
            ctx.Single("erlang_vm_old_code_modules", MetricType.Gauge,
                "The number of modules with old code loaded (a purge is pending).", TermAccess.Get(oldCode, "count"));
            var info = ctx.Family("erlang_vm_old_code_module_info", MetricType.Gauge,
                "Modules with old code loaded, at most 100 (always 1).");
            foreach (var item in TermAccess.Items(TermAccess.Get(oldCode, "modules")))
            {
                if (TermAccess.TryText(item, out var module) && module.Length > 0)
                {
                    info.Add(ctx.Labels("module", module), 1);
                }
            }
        }
    }
}
