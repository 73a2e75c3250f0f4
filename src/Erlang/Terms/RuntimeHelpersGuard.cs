using System.Runtime.CompilerServices;

namespace Gateway.Erlang.Terms;

// Terms built in C# can nest arbitrarily deep; recursive walks (equality, hashing, printing,
// encoding) throw InsufficientExecutionStackException instead of crashing the process.
internal static class RuntimeHelpersGuard
{
    public static void EnsureStack() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
