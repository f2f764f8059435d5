using System;
using BenchmarkDotNet.Running;

namespace Bodycam.Benchmarks;

/// <summary>Entry point: pick benchmarks with --filter (see docs/performance.md).</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cpu")
        {
            Environment.ExitCode = CpuTimeRun.Run(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
