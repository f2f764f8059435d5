using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Sdk.Recording;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// Attacks recordings made by the device's writer and checks that the SDK reader notices every change, in both
/// modes (verification with the device key only, and decryption with a recipient key), and says where:
/// byte flips at sampled positions in every region, truncation at every record boundary and inside records and the
/// header, reordered, duplicated and removed records, records and headers spliced between recordings of the same
/// device, and continuation files dropped, swapped or mixed. See docs/reliability.md, "Tamper sweep".
/// </summary>
/// <remarks>
/// Location rule for a change whose first altered byte lies in record r (the header: r = -1): the reader must
/// report a record between r and the first record that authenticates r, and a byte offset between the start of r
/// and the end of that record. With a recipient key a segment authenticates itself (its GCM tag) and the header is
/// authenticated by the first segment (the header hash is the payload key's salt and in every AAD); with only the
/// device key the first signed record (checkpoint, close, recovery) at or after r does. A header-level error
/// (record -1) must come from a change in the header. A truncated result must stop reading at a record between r
/// and one past that bound. When the change is in a record's length field, the boundaries the reader sees after
/// it are the attacker's, so only the lower bounds (record and offset) apply.
/// </remarks>
public static class TamperSweep
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="options">How many positions, and the seed.</param>
    /// <returns>The figures.</returns>
    public static TamperSweepReport Run(TamperSweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<TamperFile> files = TamperCorpus.Build(options.Seed);
        var report = new TamperSweepReport(files.Select(f => f.Name + " (" + f.Bytes.Length + " bytes, " + f.Records.Count + " records, " + f.Baseline + ")").ToList(), files.Sum(f => (long)f.Bytes.Length));
        var random = new Random(unchecked((int)(options.Seed * 7919)));
        Flip(files, options.Positions, random, report);
        Truncate(files, report);
        Restructure(files, report);
        Continuation(files, report);
        return report;
    }

    private static void Flip(List<TamperFile> files, int positions, Random random, TamperSweepReport report)
    {
        var parts = files.SelectMany(f => f.Regions().Select(r => (File: f, r.Region, r.Start, r.Length))).ToList();
        int[] quota = new int[parts.Count];
        int remaining = Math.Max(0, positions);
        while (remaining > 0)
        {
            List<int> open = Enumerable.Range(0, parts.Count).Where(i => quota[i] < parts[i].Length).ToList();
            if (open.Count == 0)
            {
                break;
            }

            int share = Math.Max(1, remaining / open.Count);
            foreach (int i in open)
            {
                int add = Math.Min(Math.Min(share, remaining), parts[i].Length - quota[i]);
                quota[i] += add;
                remaining -= add;
                if (remaining == 0)
                {
                    break;
                }
            }
        }

        for (int i = 0; i < parts.Count; i++)
        {
            (TamperFile file, TamperRegion region, int start, int length) = parts[i];
            TamperFigures figures = report.Region(region);
            byte[] work = (byte[])file.Bytes.Clone();
            foreach (int position in Sample(random, start, length, quota[i]))
            {
                byte mask = (byte)random.Next(1, 256);
                work[position] ^= mask;
                Judge(report, figures, file, work, position, "flip " + region + " at " + position + " ^" + mask.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                work[position] ^= mask;
                report.PositionsFlipped++;
            }
        }
    }

    private static void Truncate(List<TamperFile> files, TamperSweepReport report)
    {
        TamperFigures boundary = report.Attack("truncate at a record boundary");
        TamperFigures inside = report.Attack("truncate inside a record");
        TamperFigures header = report.Attack("truncate inside the header");
        foreach (TamperFile file in files)
        {
            for (int k = 0; k < file.Records.Count; k++)
            {
                TamperRecord r = file.Records[k];
                JudgeCut(report, boundary, file, r.Offset, k);
                foreach (int keep in new[] { 1, 4, 5, 10, r.Length / 2, r.Length - 16, r.Length - 1 }.Where(x => x > 0 && x < r.Length).Distinct())
                {
                    JudgeCut(report, inside, file, r.Offset + keep, k);
                }
            }

            for (int keep = 0; keep < file.HeaderLength; keep++)
            {
                JudgeCut(report, header, file, keep, -1);
            }
        }
    }

    private static void Restructure(List<TamperFile> files, TamperSweepReport report)
    {
        TamperFigures swap = report.Attack("swap two adjacent records");
        TamperFigures duplicate = report.Attack("duplicate a record");
        TamperFigures remove = report.Attack("remove a record");
        TamperFigures splice = report.Attack("splice a record from another recording");
        TamperFigures tail = report.Attack("splice the tail of another recording");
        TamperFigures header = report.Attack("replace the header with another recording's");
        foreach (TamperFile file in files)
        {
            int n = file.Records.Count;
            for (int i = 0; i + 1 < n; i++)
            {
                JudgeRebuilt(report, swap, file, Rebuild(file, file.Header(), order => (order[i], order[i + 1]) = (order[i + 1], order[i])), i, "swap records " + i + "," + (i + 1));
                JudgeRebuilt(report, remove, file, Rebuild(file, file.Header(), order => order.RemoveAt(i)), i, "remove record " + i);
            }

            for (int i = 0; i < n; i++)
            {
                JudgeRebuilt(report, duplicate, file, Rebuild(file, file.Header(), order => order.Insert(i + 1, order[i])), i + 1, "duplicate record " + i);
            }
        }

        // Recordings of the same device: the strongest splices an attacker can try.
        foreach (TamperFile a in files)
        {
            foreach (TamperFile b in files.Where(b => b != a && b.DevicePublicKey.AsSpan().SequenceEqual(a.DevicePublicKey)))
            {
                int n = Math.Min(a.Records.Count, b.Records.Count);
                for (int i = 0; i < n; i++)
                {
                    int at = i;
                    JudgeRebuilt(report, splice, a, Rebuild(a, a.Header(), order => order[at] = b.Slice(at)), i, "record " + i + " of " + b.Name + " into " + a.Name);
                    if (i > 0)
                    {
                        JudgeRebuilt(report, tail, a, Rebuild(a, a.Header(), order => order.RemoveRange(at, order.Count - at), Enumerable.Range(at, b.Records.Count - at).Select(b.Slice)), i, "tail of " + b.Name + " from record " + i + " onto " + a.Name);
                    }
                }

                JudgeRebuilt(report, header, a, Rebuild(a, b.Header(), _ => { }), -1, "header of " + b.Name + " on " + a.Name);
            }
        }
    }

    private static void Continuation(List<TamperFile> files, TamperSweepReport report)
    {
        TamperFigures figures = report.Attack("drop, reorder or mix continuation files");
        List<TamperFile> chain = files.Where(f => f.Name.StartsWith("continued", StringComparison.Ordinal)).ToList();
        List<RecordingResult> results = chain.Select(f => new RecordingReader(f.Bytes).Verify(f.DevicePublicKey)).ToList();
        RecordingFileSet.Verify(results);
        TamperFile stranger = files.Single(f => f.Name == "long");
        RecordingResult strangerResult = new RecordingReader(stranger.Bytes).Verify(stranger.DevicePublicKey);
        var sets = new List<(string Name, List<RecordingResult> Set)>();
        for (int i = 0; i < results.Count; i++)
        {
            int at = i;
            sets.Add(("drop file " + i, results.Where((_, k) => k != at).ToList()));
            sets.Add(("duplicate file " + i, results.Take(at + 1).Append(results[at]).Concat(results.Skip(at + 1)).ToList()));
            sets.Add(("replace file " + i + " by another recording's file", results.Select((r, k) => k == at ? strangerResult : r).ToList()));
            if (i + 1 < results.Count)
            {
                sets.Add(("swap files " + i + "," + (i + 1), results.Select((r, k) => k == at ? results[at + 1] : k == at + 1 ? results[at] : r).ToList()));
            }
        }

        sets.Add(("only the last file", new List<RecordingResult> { results[^1] }));
        foreach ((string name, List<RecordingResult> set) in sets)
        {
            figures.Tried++;
            bool detected;
            try
            {
                RecordingFileSet.Verify(set);
                detected = false;
            }
            catch (RecordingFormatException e) when (e.Error == RecordingFormatError.ContinuationMismatch)
            {
                detected = true;
            }

            if (detected)
            {
                figures.DetectedByVerify++;
                figures.DetectedByDecrypt++;
                figures.Located++;
            }
            else
            {
                report.Miss("continuation set: " + name + " passed");
            }
        }
    }

    private static IEnumerable<int> Sample(Random random, int start, int length, int count)
    {
        if (count >= length)
        {
            return Enumerable.Range(start, length);
        }

        var chosen = new SortedSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(start + random.Next(length));
        }

        return chosen;
    }

    private static byte[] Rebuild(TamperFile file, byte[] header, Action<List<byte[]>> change, IEnumerable<byte[]>? append = null)
    {
        var records = Enumerable.Range(0, file.Records.Count).Select(file.Slice).ToList();
        change(records);
        if (append is not null)
        {
            records.AddRange(append);
        }

        return header.Concat(records.SelectMany(r => r)).ToArray();
    }

    private static void Judge(TamperSweepReport report, TamperFigures figures, TamperFile file, byte[] bytes, int position, string what)
    {
        figures.Tried++;
        int record = file.RecordAt(position);
        Finding verify = Read(file, bytes, false);
        Finding decrypt = Read(file, bytes, true);
        int hiVerify = file.NextSignedRecord(record);
        int hiDecrypt = Math.Max(record, 0);
        bool lengthField = record >= 0 && position - file.Records[record].Offset is >= 1 and <= 4;
        bool located = Located(verify, file, record, hiVerify, lengthField) && Located(decrypt, file, record, hiDecrypt, lengthField);
        Count(report, figures, file, verify, decrypt, located, what);
    }

    private static void JudgeCut(TamperSweepReport report, TamperFigures figures, TamperFile file, int keep, int record)
    {
        figures.Tried++;
        byte[] bytes = file.Bytes.AsSpan(0, keep).ToArray();
        Finding verify = Read(file, bytes, false);
        Finding decrypt = Read(file, bytes, true);

        // A cut file reads as truncated after exactly the whole records before the cut; a cut header is a header error.
        bool Exact(Finding f) => record < 0
            ? f.Kind == FindingKind.HeaderError && f.Error == RecordingFormatError.TruncatedHeader
            : f.Kind == FindingKind.Truncated && f.Record == record;
        Count(report, figures, file, verify, decrypt, Exact(verify) && Exact(decrypt), "cut " + file.Name + " to " + keep + " bytes");
    }

    private static void JudgeRebuilt(TamperSweepReport report, TamperFigures figures, TamperFile file, byte[] bytes, int firstChanged, string what)
    {
        if (bytes.AsSpan().SequenceEqual(file.Bytes))
        {
            return;
        }

        figures.Tried++;
        Finding verify = Read(file, bytes, false);
        Finding decrypt = Read(file, bytes, true);
        bool After(Finding f) => firstChanged < 0 || (f.Kind is FindingKind.Tampered or FindingKind.Truncated && f.Record >= firstChanged);
        Count(report, figures, file, verify, decrypt, After(verify) && After(decrypt), what);
    }

    private static void Count(TamperSweepReport report, TamperFigures figures, TamperFile file, Finding verify, Finding decrypt, bool located, string what)
    {
        if (verify.Detected)
        {
            figures.DetectedByVerify++;
        }

        if (decrypt.Detected)
        {
            figures.DetectedByDecrypt++;
        }

        if (verify.Kind == FindingKind.Crash || decrypt.Kind == FindingKind.Crash)
        {
            report.Crashes++;
        }

        if (verify.Detected && decrypt.Detected && located)
        {
            figures.Located++;
            return;
        }

        report.Miss(file.Name + ": " + what + ": verify " + verify + ", decrypt " + decrypt + (located ? string.Empty : " (outside the location rule)"));
    }

    private static bool Located(Finding f, TamperFile file, int record, int bound, bool lengthField)
    {
        int low = Math.Max(record, 0);
        long lowOffset = record < 0 ? 0 : file.Records[record].Offset;

        // A changed length moves every later record boundary the reader sees, so the first bytes that fail to parse
        // may lie past the original records: only the lower bounds hold.
        long highEnd = lengthField ? long.MaxValue : file.Records[bound].End;
        return f.Kind switch
        {
            FindingKind.HeaderError or FindingKind.WrongKey => record == -1,
            FindingKind.Tampered when f.Record == -1 => record == -1,
            FindingKind.Tampered => f.Record >= low && f.Record <= bound && f.Offset >= lowOffset && f.Offset < highEnd,
            FindingKind.Truncated => f.Record >= low && f.Record <= bound + 1,
            _ => false,
        };
    }

    private static Finding Read(TamperFile file, byte[] bytes, bool decrypt)
    {
        try
        {
            var reader = new RecordingReader(bytes);
            RecordingResult result = decrypt ? reader.Decrypt(file.DevicePublicKey, file.RecipientPrivateKey) : reader.Verify(file.DevicePublicKey);
            return result.Status switch
            {
                RecordingStatus.Tampered => new Finding(FindingKind.Tampered, result.Error, result.FailedRecordIndex, result.FailedOffset),
                RecordingStatus.Truncated => new Finding(FindingKind.Truncated, null, result.RecordCount, -1),
                _ => new Finding(FindingKind.Intact, null, result.RecordCount, -1),
            };
        }
        catch (RecordingFormatException e)
        {
            return new Finding(FindingKind.HeaderError, e.Error, e.RecordIndex, e.Offset);
        }
        catch (WrongKeyException)
        {
            return new Finding(FindingKind.WrongKey, null, -1, -1);
        }
#pragma warning disable CA1031 // The sweep reports any other exception as a crash of the reader instead of stopping.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Finding(FindingKind.Crash, null, -1, -1, e.GetType().Name);
        }
    }

    private enum FindingKind
    {
        Intact,
        Tampered,
        Truncated,
        HeaderError,
        WrongKey,
        Crash,
    }

    private readonly record struct Finding(FindingKind Kind, RecordingFormatError? Error, int Record, long Offset, string? Exception = null)
    {
        public bool Detected => Kind is not FindingKind.Intact and not FindingKind.Crash;

        public override string ToString() => Kind + (Error is null ? string.Empty : " " + Error) + " record " + Record + " offset " + Offset + (Exception is null ? string.Empty : " " + Exception);
    }
}
