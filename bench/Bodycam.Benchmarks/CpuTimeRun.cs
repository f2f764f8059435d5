using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Bodycam.Benchmarks.Dock;
using Bodycam.Benchmarks.Recording;

namespace Bodycam.Benchmarks;

/// <summary>
/// A bench command beside BenchmarkDotNet for a shared machine: runs the paths of one benchmark class round-robin and
/// prints, per path, the median wall time and the median process CPU time per operation (CLOCK_PROCESS_CPUTIME_ID:
/// every thread of the process, the garbage collector's included) with their ratios to the first path, and the load
/// average before and after. On a machine whose load exceeds its cores, wall time measures the scheduler as much as
/// the code; CPU time measures the work, which load changes much less (docs/performance.md).
/// </summary>
public static class CpuTimeRun
{
    private const int ProcessCpuClock = 2;
    private const int WarmUpRounds = 3;

    /// <summary>Runs <c>cpu recording|dock [rounds]</c>.</summary>
    /// <param name="args">The arguments after <c>cpu</c>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        string what = args.Length > 0 ? args[0] : string.Empty;
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        Console.WriteLine($"load before: {LoadAverage()}");
        switch (what)
        {
            case "recording":
                RunRecording(rounds);
                break;
            case "dock":
                RunDock(rounds, crcUnit: true, maxResponseKiB: 64);
                RunDock(rounds, crcUnit: true, maxResponseKiB: 512);
                break;
            default:
                Console.Error.WriteLine("usage: Bodycam.Benchmarks cpu recording|dock [rounds]");
                return 2;
        }

        Console.WriteLine($"load after: {LoadAverage()}");
        return 0;
    }

    private static void RunRecording(int rounds)
    {
        var bench = new RecordingThroughputBenchmarks();
        bench.Setup();
        try
        {
            Measure(
                "recording, 16 MiB",
                rounds,
                [
                    ("ReferenceSealAndHash", null, () => bench.ReferenceSealAndHash(), null),
                    ("FirmwareWriter", null, () => bench.FirmwareWriter(), null),
                    ("FirmwareWriterNewCardEachRecording", null, () => bench.FirmwareWriterNewCardEachRecording(), null),
                    ("SdkVerifyAndDecrypt", null, () => bench.SdkVerifyAndDecrypt(), null),
                    ("(part) CopyFramesIntoSegments", null, () => bench.CopyFramesIntoSegments(), null),
                    ("(part) AppendSegmentsToCard", null, () => bench.AppendSegmentsToCard(), null),
                ]);
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static void RunDock(int rounds, bool crcUnit, int maxResponseKiB)
    {
        var bench = new DockTransferBenchmarks { MiB = 32, CrcUnit = crcUnit, MaxResponseKiB = maxResponseKiB };
        bench.Setup();
        try
        {
            Measure(
                $"dock, 32 MiB, CrcUnit={crcUnit}, MaxResponseKiB={maxResponseKiB}",
                rounds,
                [
                    ("RawSocketCopy", null, () => bench.RawSocketCopy(), null),
                    ("RawSocketCopyHashed", null, () => bench.RawSocketCopyHashed(), null),
                    ("DockTransfer", bench.ConnectTransferClient, () => bench.DockTransfer(), bench.DisconnectTransferClient),
                    ("WholeOffloadWithVerification", null, () => bench.WholeOffloadWithVerification(), bench.RestoreRecording),
                    ("WholeOffloadToDisk", null, () => bench.WholeOffloadToDisk(), bench.RestoreRecording),
                ]);
            Console.WriteLine(bench.Destinations);
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static void Measure(string title, int rounds, (string Name, Action? Before, Action Run, Action? After)[] paths)
    {
        // Three warm-up rounds (JIT up to the optimised tier, whose background compiles would otherwise be counted in
        // the process CPU time of the first rounds; caches; connections), then the rounds, the paths interleaved so
        // drifts reach all.
        for (int w = 0; w < WarmUpRounds; w++)
        {
            foreach ((_, Action? before, Action run, Action? after) in paths)
            {
                before?.Invoke();
                run();
                after?.Invoke();
            }
        }

        var wall = paths.Select(_ => new List<double>()).ToArray();
        var cpu = paths.Select(_ => new List<double>()).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            for (int p = 0; p < paths.Length; p++)
            {
                paths[p].Before?.Invoke();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                double cpuStart = ProcessCpuMilliseconds();
                long start = Stopwatch.GetTimestamp();
                paths[p].Run();
                double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                cpu[p].Add(ProcessCpuMilliseconds() - cpuStart);
                wall[p].Add(elapsed);
                paths[p].After?.Invoke();
            }
        }

        Console.WriteLine($"== {title}: {rounds} rounds, medians per operation; ratio = first path / this path (throughput)");
        Console.WriteLine($"{"path",-36} {"wall ms",9} {"ratio",6} {"cpu ms",9} {"ratio",6}");
        double wall0 = Median(wall[0]);
        double cpu0 = Median(cpu[0]);
        for (int p = 0; p < paths.Length; p++)
        {
            double w = Median(wall[p]);
            double c = Median(cpu[p]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{paths[p].Name,-36} {w,9:0.00} {wall0 / w,6:0.00} {c,9:0.00} {cpu0 / c,6:0.00}"));
        }
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static double ProcessCpuMilliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuClock, out TimeSpec t) == 0)
        {
            return (t.Seconds * 1000.0) + (t.Nanoseconds / 1e6);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
