using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Bodycam.Emulator.Commands;

namespace Bodycam.Benchmarks.Shift;

/// <summary>
/// The emulator's 10-hour shift (1080p30, 4 Mbit/s GOP mode, five 5-minute escalations recorded and encrypted by the
/// real writer). One invocation is one shift; simulated/wall = 36 000 s over the mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ShiftBenchmarks
{
    /// <summary>One whole shift.</summary>
    /// <returns>The figures (kept so the run is not optimised away).</returns>
    [Benchmark]
    public ShiftFigures TenHourShift()
    {
        return ShiftBenchmark.RunShift();
    }
}
