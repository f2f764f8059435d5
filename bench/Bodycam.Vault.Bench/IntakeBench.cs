using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Bodycam.Evidence;
using Bodycam.Sdk.Crypto;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Offload;

namespace Bodycam.Vault.Bench;

/// <summary>
/// Intake throughput against the SDK's verify alone on the same files (the offload verifier,
/// <see cref="ReaderRecordingVerifier"/>): rounds alternate between the two so load drifts hit both; each intake
/// round uses a fresh SQLite vault. The figure is verify time over intake time (1.0 = as fast as verify alone).
/// </summary>
internal static class IntakeBench
{
    public static void Run(int count, int seconds, int rounds)
    {
        string folder = Path.Combine(Path.GetTempPath(), "bodycam-vault-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            byte[] recipient = X25519.GetPublicKey(new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
            using var maker = new BenchRecordings(recipient);
            List<List<string>> recordings = maker.Make(Path.Combine(folder, "offload", "HEE-01"), count, seconds);
            long bytes = recordings.SelectMany(r => r).Sum(p => new FileInfo(p).Length);
            Console.WriteLine($"intake bench: {count} recordings of {seconds} s, {bytes / 1e6:0.0} MB in all");
            DeviceRegistry registry = DeviceRegistry.Empty().Add(new DeviceRegistryEntry("HEE-01", "heerde", maker.DevicePublicKey));
            RolesFile roles = RolesFile.Parse("bodycam-vault-roles 1\nmunicipality heerde\nactor bram heerde intake-operator\n");

            // Warm-up: JIT and page cache for both paths.
            Verify(recordings, maker.DevicePublicKey);
            Intake(folder, registry, roles, -1);
            var verifyTimes = new List<double>();
            var intakeTimes = new List<double>();
            var writeTimes = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                verifyTimes.Add(Verify(recordings, maker.DevicePublicKey));
                intakeTimes.Add(Intake(folder, registry, roles, round));
                writeTimes.Add(DurableCopy(recordings, folder));
            }

            double verify = Median(verifyTimes);
            double intake = Median(intakeTimes);
            Console.WriteLine($"verify alone (ReaderRecordingVerifier): median {verify:0.000} s over {rounds} rounds ({bytes / 1e6 / verify:0.0} MB/s); rounds {string.Join(", ", verifyTimes.Select(t => t.ToString("0.000")))}");
            Console.WriteLine($"vault intake (SQLite, fresh vault):     median {intake:0.000} s over {rounds} rounds ({bytes / 1e6 / intake:0.0} MB/s); rounds {string.Join(", ", intakeTimes.Select(t => t.ToString("0.000")))}");
            double write = Median(writeTimes);
            Console.WriteLine($"durable copy alone (read, write, flush to disk): median {write:0.000} s ({bytes / 1e6 / write:0.0} MB/s); rounds {string.Join(", ", writeTimes.Select(t => t.ToString("0.000")))}");
            Console.WriteLine($"intake throughput / verify throughput: {verify / intake:0.00}x (goal >= 0.80x)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Verify(List<List<string>> recordings, byte[] key)
    {
        var verifier = new ReaderRecordingVerifier();
        var watch = Stopwatch.StartNew();
        foreach (List<string> files in recordings)
        {
            RecordingCheck check = verifier.VerifyAsync(files, key, CancellationToken.None).GetAwaiter().GetResult();
            if (!check.Verified)
            {
                throw new InvalidOperationException("bench recording did not verify: " + check.Detail);
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static double Intake(string folder, DeviceRegistry registry, RolesFile roles, int round)
    {
        string root = Path.Combine(folder, "vault-" + (round < 0 ? "warm" : round.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var timings = new IntakeTimings();
        EvidenceVault vault = EvidenceVault.Open(new VaultOptions { Root = root, Roles = roles, Registry = registry, Timings = timings });
        var watch = Stopwatch.StartNew();
        IReadOnlyList<IntakeResult> results = vault.IntakeFolder(vault.Actor("bram"), Path.Combine(folder, "offload"));
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  intake round {(round < 0 ? "warm-up" : round.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {seconds:0.000} s; {timings}");
        if (results.Any(r => r.Outcome != IntakeOutcome.Stored))
        {
            throw new InvalidOperationException("bench intake did not store everything: " + string.Join("; ", results.Select(r => r.Detail)));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
        return seconds;
    }

    // What storing the originals durably costs by itself: the same bytes read, written to new files and flushed.
    private static double DurableCopy(List<List<string>> recordings, string folder)
    {
        string target = Path.Combine(folder, "copy");
        Directory.CreateDirectory(target);
        var watch = Stopwatch.StartNew();
        foreach (string path in recordings.SelectMany(r => r))
        {
            byte[] bytes = File.ReadAllBytes(path);
            using var stream = new FileStream(Path.Combine(target, Path.GetFileName(path)), FileMode.Create, FileAccess.Write, FileShare.None);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        double seconds = watch.Elapsed.TotalSeconds;
        Directory.Delete(target, recursive: true);
        return seconds;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
