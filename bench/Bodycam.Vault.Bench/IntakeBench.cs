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
/// <see cref="ReaderRecordingVerifier"/>): each round runs verify alone, the copying intake and the move intake
/// (the two intakes in turn first) and a durable copy, so load drifts hit all of them; each intake round uses a fresh
/// SQLite vault. The move intake takes in a fresh copy of the offload folder made (and flushed to disk) outside the
/// measured time. The figures are verify time over intake time (1.0 = as fast as verify alone).
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

            // Warm-up: JIT and page cache for every path.
            Verify(recordings, maker.DevicePublicKey);
            Intake(folder, Path.Combine(folder, "offload"), registry, roles, IntakeMode.Copy, "warm-up");
            Intake(folder, FreshSource(recordings, folder), registry, roles, IntakeMode.Move, "warm-up");
            var verifyTimes = new List<double>();
            var copyTimes = new List<double>();
            var moveTimes = new List<double>();
            var writeTimes = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                string name = round.ToString(System.Globalization.CultureInfo.InvariantCulture);
                verifyTimes.Add(Verify(recordings, maker.DevicePublicKey));
                string source = FreshSource(recordings, folder);
                if (round % 2 == 0)
                {
                    copyTimes.Add(Intake(folder, Path.Combine(folder, "offload"), registry, roles, IntakeMode.Copy, name));
                    moveTimes.Add(Intake(folder, source, registry, roles, IntakeMode.Move, name));
                }
                else
                {
                    moveTimes.Add(Intake(folder, source, registry, roles, IntakeMode.Move, name));
                    copyTimes.Add(Intake(folder, Path.Combine(folder, "offload"), registry, roles, IntakeMode.Copy, name));
                }

                writeTimes.Add(DurableCopy(recordings, folder));
            }

            double verify = Median(verifyTimes);
            double copy = Median(copyTimes);
            double move = Median(moveTimes);
            Console.WriteLine($"verify alone (ReaderRecordingVerifier): median {verify:0.000} s over {rounds} rounds ({bytes / 1e6 / verify:0.0} MB/s); rounds {Rounds(verifyTimes)}");
            Console.WriteLine($"vault intake, copy (fresh vault):       median {copy:0.000} s over {rounds} rounds ({bytes / 1e6 / copy:0.0} MB/s); rounds {Rounds(copyTimes)}");
            Console.WriteLine($"vault intake, move (fresh vault):       median {move:0.000} s over {rounds} rounds ({bytes / 1e6 / move:0.0} MB/s); rounds {Rounds(moveTimes)}");
            double write = Median(writeTimes);
            Console.WriteLine($"durable copy alone (read, write, flush to disk): median {write:0.000} s ({bytes / 1e6 / write:0.0} MB/s); rounds {Rounds(writeTimes)}");
            Console.WriteLine($"copy intake throughput / verify throughput: {verify / copy:0.00}x");
            Console.WriteLine($"move intake throughput / verify throughput: {verify / move:0.00}x (goal >= 0.80x)");
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

    private static double Intake(string folder, string source, DeviceRegistry registry, RolesFile roles, IntakeMode mode, string round)
    {
        string root = Path.Combine(folder, "vault-" + mode.ToString().ToLowerInvariant() + "-" + round);
        var timings = new IntakeTimings();
        EvidenceVault vault = EvidenceVault.Open(new VaultOptions { Root = root, Roles = roles, Registry = registry, Timings = timings });
        if (mode == IntakeMode.Move && !vault.CanMoveFrom(source))
        {
            throw new InvalidOperationException("the bench's source folder is not on the vault's file system; the move intake would copy");
        }

        var watch = Stopwatch.StartNew();
        IReadOnlyList<IntakeResult> results = vault.IntakeFolder(vault.Actor("bram"), source, mode);
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {mode.ToString().ToLowerInvariant()} intake round {round}: {seconds:0.000} s; {timings}");
        if (results.Any(r => r.Outcome != IntakeOutcome.Stored || r.SourcesMoved != (mode == IntakeMode.Move)))
        {
            throw new InvalidOperationException("bench intake did not store (or move) everything: " + string.Join("; ", results.Select(r => r.Detail)));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
        if (mode == IntakeMode.Move)
        {
            Directory.Delete(source, recursive: true);
        }

        return seconds;
    }

    // A copy of the offload folder for a move intake to take, each file flushed to disk (outside the measured time,
    // as the offloader leaves its files), so the intake pays only for flushing what is already clean.
    private static string FreshSource(List<List<string>> recordings, string folder)
    {
        string source = Path.Combine(folder, "move-source-" + Guid.NewGuid().ToString("N"));
        string device = Path.Combine(source, "HEE-01");
        Directory.CreateDirectory(device);
        foreach (string path in recordings.SelectMany(r => r))
        {
            byte[] bytes = File.ReadAllBytes(path);
            using var stream = new FileStream(Path.Combine(device, Path.GetFileName(path)), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        return source;
    }

    private static string Rounds(List<double> times) => string.Join(", ", times.Select(t => t.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));

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
