using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;

namespace Bodycam.Evidence;

/// <summary>
/// Intake (docs/evidence-vault.md, "Intake"): read and hash the files once, one recording ahead; verify them with
/// the registry's device key on this core while a second one journals and writes them to temporary files (a move
/// intake: journals them with their source paths and flushes them in place); then rename the objects into place
/// (a move intake: the source files themselves), flush the folders and commit the metadata with its log entry.
/// Nothing here cleans up after a crash: the journal lets the next start resolve it.
/// </summary>
internal sealed class IntakeProcessor
{
    private readonly EvidenceVault _vault;
    private readonly IntakeMode _mode;

    public IntakeProcessor(EvidenceVault vault, IntakeMode mode)
    {
        if (mode is not (IntakeMode.Copy or IntakeMode.Move or IntakeMode.Link))
        {
            throw new VaultException(VaultError.InvalidArgument, "Unknown intake mode: " + mode);
        }

        _vault = vault;
        _mode = mode;
    }

    public IReadOnlyList<IntakeResult> IntakeFolder(VaultActor actor, string folder)
    {
        EvidenceVault.Require(actor, VaultRole.IntakeOperator);
        if (!Directory.Exists(folder))
        {
            throw new VaultException(VaultError.InvalidArgument, "No such folder: " + folder);
        }

        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder, "*.bcr", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);

            // The device names files <32 hex digits>-<3 digits>.bcr (docs/recording-format.md); anything else stands alone.
            string key = name.Length == 40 && name[32] == '-' ? name[..32] : path;
            if (!groups.TryGetValue(key, out List<string>? list))
            {
                groups[key] = list = [];
            }

            list.Add(path);
        }

        return IntakeAll(actor, groups.Values.ToList(), "folder " + Path.GetFullPath(folder), Taking(folder));
    }

    public IntakeResult Intake(VaultActor actor, IReadOnlyList<string> files, string source)
    {
        EvidenceVault.Require(actor, VaultRole.IntakeOperator);
        if (files.Count == 0)
        {
            throw new VaultException(VaultError.InvalidArgument, "A recording has at least one file.");
        }

        return IntakeAll(actor, [files], source, Taking(Path.GetDirectoryName(Path.GetFullPath(files[0]))!))[0];
    }

    // A move or link intake renames or links only within one file system; from another one it copies, as a copying intake does.
    private IntakeMode Taking(string folder) => _mode != IntakeMode.Copy && _vault.Store.SameFileSystem(folder) ? _mode : IntakeMode.Copy;

    // Reads (and hashes) the next recording's files on a pool thread while this one takes in the current one, and
    // finishes a verified recording (renames, folder flushes, metadata commit) on a pool thread while this one goes on
    // to verify the next: one commit at a time, in order, and the next recording's renames wait for it. At most three
    // recordings are in memory.
    private List<IntakeResult> IntakeAll(VaultActor actor, IReadOnlyList<IReadOnlyList<string>> recordings, string source, IntakeMode taking)
    {
        var results = new List<IntakeResult>(recordings.Count);
        Task<LoadedFile[]>? next = recordings.Count > 0 ? Task.Run(() => Load(recordings[0], taking == IntakeMode.Copy)) : null;
        Task<IntakeResult>? committing = null;
        string? committingId = null;
        for (int i = 0; i < recordings.Count; i++)
        {
            LoadedFile[] loaded = next!.GetAwaiter().GetResult();
            int following = i + 1;
            next = following < recordings.Count ? Task.Run(() => Load(recordings[following], taking == IntakeMode.Copy)) : null;

            // A second group with the id of the recording being committed (a renamed file) must see its metadata.
            if (committing is not null && loaded.Any(f => f.Header?.RecordingId == committingId))
            {
                results.Add(committing.GetAwaiter().GetResult());
                committing = null;
            }

            Func<IntakeResult> finish;
            try
            {
                finish = Intake(actor, recordings[i], loaded, source, taking);
            }
            catch (Exception e) when (committing is not null)
            {
                // Nothing of this intake may still run once the call has failed: let the commit in flight end first.
                throw WithCommit(e, committing);
            }

            if (committing is not null)
            {
                results.Add(committing.GetAwaiter().GetResult());
            }

            committing = Task.Run(finish);
            committingId = loaded.FirstOrDefault(f => f.Header is not null)?.Header!.RecordingId;
        }

        if (committing is not null)
        {
            results.Add(committing.GetAwaiter().GetResult());
        }

        return results;
    }

    private static Exception WithCommit(Exception failure, Task<IntakeResult> committing)
    {
        try
        {
            committing.GetAwaiter().GetResult();
        }
        catch (Exception commitFailure)
        {
            return new AggregateException("Intake failed while the previous recording's commit failed too.", commitFailure, failure);
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return failure;
    }

    private string Hash(byte[] content)
    {
        long start = Stopwatch.GetTimestamp();
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        _vault.Options.Timings?.AddHash(Stopwatch.GetElapsedTime(start));
        return sha256;
    }

    private string[] Hashes(IReadOnlyList<(string Path, byte[] Bytes, string? Sha256, RecordingHeader Header)> read) =>
        read.Select(r => r.Sha256 ?? Hash(r.Bytes)).ToArray();

    private static Func<IntakeResult> Done(IntakeResult result) => () => result;

    // A copying intake hashes here, a recording ahead, so its storing thread (the slower one: it waits for the disk)
    // only journals and writes. A move intake hashes beside the verification instead (its storing thread hardly waits
    // for the disk), so the first recording's verification need not wait for its hash.
    private LoadedFile[] Load(IReadOnlyList<string> files, bool hashAhead)
    {
        var loaded = new LoadedFile[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            byte[] content = File.ReadAllBytes(files[i]);
            long read = Stopwatch.GetTimestamp();
            _vault.Options.Timings?.AddRead(Stopwatch.GetElapsedTime(start, read));
            string? sha256 = hashAhead ? Hash(content) : null;
            try
            {
                loaded[i] = new LoadedFile(files[i], content, sha256, new RecordingReader(content).ReadHeader(), null);
            }
            catch (RecordingFormatException e)
            {
                loaded[i] = new LoadedFile(files[i], content, sha256, null, e);
            }
        }

        return loaded;
    }

    // Everything up to the verification runs now; what the returned function does (renames, metadata commit) runs
    // once the previous recording's commit is done. A recording that is not stored is finished already.
    private Func<IntakeResult> Intake(VaultActor actor, IReadOnlyList<string> files, LoadedFile[] loaded, string source, IntakeMode taking)
    {
        bool move = taking == IntakeMode.Move;
        bool link = taking == IntakeMode.Link;
        var read = new List<(string Path, byte[] Bytes, string? Sha256, RecordingHeader Header)>();
        foreach (LoadedFile file in loaded)
        {
            if (file.Header is null)
            {
                RecordingFormatException e = file.Error!;
                return Done(Quarantine(actor, actor.MunicipalityId, null, [file.Path], [file.Sha256 ?? Hash(file.Bytes)], source, $"{Path.GetFileName(file.Path)}: not a readable recording ({e.Error}: {e.Message})"));
            }

            read.Add((file.Path, file.Bytes, file.Sha256, file.Header));
        }

        read.Sort((a, b) => a.Header.ContinuationIndex.CompareTo(b.Header.ContinuationIndex));
        RecordingHeader first = read[0].Header;
        string recordingId = first.RecordingId;
        byte[][] all = read.Select(r => r.Bytes).ToArray();
        if (read.Any(r => r.Header.RecordingId != recordingId || r.Header.DeviceId != first.DeviceId))
        {
            return Done(Quarantine(actor, actor.MunicipalityId, recordingId, files, Hashes(read), source, "the files belong to different recordings or devices"));
        }

        if (!_vault.Options.Registry.TryFind(first.DeviceId, out DeviceRegistryEntry device))
        {
            return Done(Quarantine(actor, actor.MunicipalityId, recordingId, files, Hashes(read), source, $"device '{first.DeviceId}' is not in the device registry; enrol it before intake"));
        }

        if (device.MunicipalityId != actor.MunicipalityId)
        {
            // Another municipality's footage: not recorded here at all, so this municipality learns nothing of it.
            return Done(new IntakeResult(recordingId, IntakeOutcome.Refused, $"device '{first.DeviceId}' does not belong to {actor.MunicipalityId}; its own municipality's intake operator takes it in", files));
        }

        string[] names = read.Select(r => Path.GetFileName(r.Path)).ToArray();
        long nowMs = _vault.NowMs;
        using (DbConnection connection = _vault.Database.Open())
        {
            if (Sql.Scalar(connection, null, "SELECT deleted_at_ms FROM deletions WHERE recording_id = @r", ("@r", recordingId)) is object deleted)
            {
                return Done(new IntakeResult(recordingId, IntakeOutcome.Refused, $"recording {recordingId} was destroyed by retention at {DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(deleted, System.Globalization.CultureInfo.InvariantCulture)):O}; it is not taken in again", files));
            }

            if (Sql.Scalar(connection, null, "SELECT sha256 FROM recordings WHERE recording_id = @r", ("@r", recordingId)) is string storedManifest)
            {
                string[] known = Hashes(read);
                if (storedManifest != Manifest(known, names))
                {
                    return Done(Quarantine(actor, device.MunicipalityId, recordingId, files, known, source, "a recording with this id is already stored with other files"));
                }

                // A move intake removes the source files of a recording the metadata already names, once each
                // object is present with the length the metadata gives it; otherwise it leaves them.
                bool removed = move && RemoveStoredSources(connection, recordingId, read.Select(r => r.Path).ToArray(), known);
                return Done(new IntakeResult(recordingId, IntakeOutcome.AlreadyStored, removed ? "already stored with the same files; the source files are removed" : "already stored with the same files", files) { SourcesMoved = removed });
            }
        }

        // While this core verifies, a second one (hashes, for a move, and) journals and writes the temporary files,
        // flushed to disk, or, for a move, flushes the source files in place: what intake adds to the verification
        // runs beside it, not after it.
        string owner = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string[] paths = read.Select(r => r.Path).ToArray();
        Task<(string[] Hashes, Placement[] Placements)> storing = Task.Run(() => Prepare(owner, recordingId, all, Hashes(read), paths, move || link, move, nowMs));
        long verifyStart = Stopwatch.GetTimestamp();
        RecordingCheck check = Verify(read.Select(r => r.Bytes).ToList(), device.PublicKey.Span, out List<RecordingResult> results);
        _vault.Options.Timings?.AddVerify(Stopwatch.GetElapsedTime(verifyStart));
        long waitStart = Stopwatch.GetTimestamp();
        (string[] hashes, Placement[] placements) = storing.GetAwaiter().GetResult();
        _vault.Options.Timings?.AddWaitForStore(Stopwatch.GetElapsedTime(waitStart));
        string manifest = Manifest(hashes, names);
        if (!check.Verified)
        {
            // Not a crash: undo the journal and the temporary files now (a crash here is undone by the next start).
            Abandon(owner, hashes);
            return Done(Quarantine(actor, device.MunicipalityId, recordingId, files, hashes, source, "verification failed: " + check.Detail));
        }

        // The rest runs once the previous recording's commit is done (IntakeAll), beside the next one's verification.
        return Finish;

        IntakeResult Finish()
        {
            long commitStart = Stopwatch.GetTimestamp();
            var folders = new SortedSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < all.Length; i++)
            {
                Placement placement = placements[i];
                if (placement.Move)
                {
                    if (link ? _vault.Store.LinkIn(paths[i], hashes[i]) : _vault.Store.MoveIn(paths[i], hashes[i]))
                    {
                        if (move)
                        {
                            folders.Add(Path.GetDirectoryName(paths[i])!);
                        }

                        folders.Add(Path.GetDirectoryName(_vault.Store.PathOf(hashes[i]))!);
                        _vault.Fault(VaultStep.IntakeSourceMoved);
                        continue;
                    }

                    // Another file system after all (a folder mounted below the one checked): copy this file instead.
                    placement = placements[i] = new Placement(_vault.Store.WriteTemporary(owner, hashes[i], all[i]), false, false);
                }

                if (placement.Temporary is string temporary)
                {
                    _vault.Store.Commit(temporary, hashes[i]);
                    folders.Add(Path.GetDirectoryName(_vault.Store.PathOf(hashes[i]))!);
                    _vault.Fault(VaultStep.IntakeObjectStored);
                }
            }

            // The renames are durable before the metadata names the objects (and before a source folder forgets its files).
            foreach (string folder in folders)
            {
                FileSystem.SyncFolder(folder);
            }

            RecordingResult last = results[^1];
            long? duration = last.EndMonotonicMilliseconds is long end ? end - first.StartMonotonicMilliseconds : null;
            long recordedAt = first.ClockSynchronised ? first.StartUnixMilliseconds : nowMs;
            long total = all.Sum(b => (long)b.Length);
            using (DbConnection connection = _vault.Database.Open())
            using (DbTransaction transaction = connection.BeginTransaction())
            {
                Sql.Execute(
                    connection,
                    transaction,
                    "INSERT INTO recordings (recording_id, municipality, device_id, recorded_at_ms, clock_synchronised, duration_ms, pre_record_ms, pre_record_span_ms, status, sha256, bytes, file_count, intake_at_ms, intake_actor, source, verification, state, active_holds) "
                    + "VALUES (@r, @m, @d, @t, @c, CAST(@u AS BIGINT), NULL, CAST(@p AS BIGINT), @s, @h, @b, @n, @i, @a, @o, @v, 'stored', 0)",
                    ("@r", recordingId),
                    ("@m", device.MunicipalityId),
                    ("@d", first.DeviceId),
                    ("@t", recordedAt),
                    ("@c", first.ClockSynchronised ? 1L : 0L),
                    ("@u", duration),
                    ("@p", PreRecordSpanMilliseconds(results)),
                    ("@s", last.Status.ToString()),
                    ("@h", manifest),
                    ("@b", total),
                    ("@n", (long)all.Length),
                    ("@i", nowMs),
                    ("@a", actor.Name),
                    ("@o", source),
                    ("@v", check.Detail));
                for (int i = 0; i < all.Length; i++)
                {
                    Sql.Execute(connection, transaction, "INSERT INTO recording_files (recording_id, file_index, file_name, sha256, bytes) VALUES (@r, @x, @f, @h, @b)", ("@r", recordingId), ("@x", (long)i), ("@f", names[i]), ("@h", hashes[i]), ("@b", (long)all[i].Length));
                }

                Sql.Execute(connection, transaction, "DELETE FROM pending_intakes WHERE owner = @o", ("@o", owner));
                AccessLog.Append(connection, transaction, _vault.Database, device.MunicipalityId, nowMs, actor.Name, "intake", recordingId, null, null, $"stored {all.Length} file(s), {total} bytes, manifest {manifest}, from {source}: {check.Detail}", manifest);
                transaction.Commit();
            }

            _vault.Options.Timings?.AddCommit(Stopwatch.GetElapsedTime(commitStart));
            _vault.Fault(VaultStep.IntakeCommitted);
            if (!move)
            {
                return new IntakeResult(recordingId, IntakeOutcome.Stored, check.Detail, files);
            }

            // Files whose object was already stored stay where they are until the metadata names the object: now it does.
            bool allGone = true;
            for (int i = 0; i < all.Length; i++)
            {
                if (placements[i].RemoveAfterCommit)
                {
                    File.Delete(paths[i]);
                    _vault.Fault(VaultStep.IntakeSourceRemoved);
                }
                else if (!placements[i].Move)
                {
                    allGone = false;
                }
            }

            return new IntakeResult(recordingId, IntakeOutcome.Stored, check.Detail, files) { SourcesMoved = allGone };
        }
    }

    // Removes the source files of a recording already stored with the same files, when every object is present with
    // the length the metadata gives it (the bytes just read hash to those names). Returns whether it removed them.
    private bool RemoveStoredSources(DbConnection connection, string recordingId, string[] paths, string[] hashes)
    {
        var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach ((string sha, long bytes) in Sql.Query(connection, null, "SELECT f.sha256, f.bytes FROM recording_files f JOIN recordings r ON r.recording_id = f.recording_id WHERE f.recording_id = @r AND r.state = 'stored'", r => (r.GetString(0), r.GetInt64(1)), ("@r", recordingId)))
        {
            lengths[sha] = bytes;
        }

        if (hashes.Any(h => !lengths.TryGetValue(h, out long bytes) || _vault.Store.LengthOf(h) != bytes))
        {
            return false;
        }

        foreach (string path in paths)
        {
            File.Delete(path);
            _vault.Fault(VaultStep.IntakeSourceRemoved);
        }

        return true;
    }

    // Decides for each file how it reaches the store, journals the objects (a move or link: with the source path each
    // one will be renamed or linked from), then writes each file to be copied to its temporary file, flushed, and flushes each file
    // to be moved in place. Nothing is renamed here: that waits for the verification.
    private (string[] Hashes, Placement[] Placements) Prepare(string owner, string recordingId, byte[][] all, string[] hashes, string[] paths, bool taken, bool move, long nowMs)
    {
        long hashed = Stopwatch.GetTimestamp();
        var placements = new Placement[all.Length];
        var sources = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < all.Length; i++)
        {
            bool stored = _vault.Store.LengthOf(hashes[i]) == all[i].Length;
            bool first = !sources.ContainsKey(hashes[i]);
            bool moving = taken && !stored && first;
            if (first)
            {
                sources[hashes[i]] = moving ? Path.GetFullPath(paths[i]) : null;
            }

            // A move removes a file whose object is (or will be, from the same bytes) stored anyway, after the commit.
            placements[i] = new Placement(null, moving, move && !moving);
        }

        using (DbConnection connection = _vault.Database.Open())
        using (DbTransaction transaction = connection.BeginTransaction())
        {
            foreach ((string hash, string? source) in sources)
            {
                Sql.Execute(connection, transaction, "INSERT INTO pending_intakes (sha256, owner, recording_id, started_at_ms, source_path) VALUES (@h, @o, @r, @t, @s)", ("@h", hash), ("@o", owner), ("@r", recordingId), ("@t", nowMs), ("@s", source));
            }

            transaction.Commit();
        }

        long journaled = Stopwatch.GetTimestamp();
        _vault.Options.Timings?.AddJournal(Stopwatch.GetElapsedTime(hashed, journaled));
        _vault.Fault(VaultStep.IntakeJournaled);
        for (int i = 0; i < all.Length; i++)
        {
            if (placements[i].Move)
            {
                // Flushed in place (cheap when the writer already flushed it). A file whose length changed since it
                // was read is not the file that was hashed and verified: it is copied from the bytes read instead.
                using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(paths[i], FileMode.Open, FileAccess.Read);
                if (RandomAccess.GetLength(handle) == all[i].Length)
                {
                    FileSystem.Sync(handle, paths[i]);
                    continue;
                }

                placements[i] = new Placement(null, false, false);
            }

            if (!placements[i].RemoveAfterCommit && _vault.Store.LengthOf(hashes[i]) != all[i].Length)
            {
                placements[i] = new Placement(_vault.Store.WriteTemporary(owner, hashes[i], all[i]), false, false);
                _vault.Fault(VaultStep.IntakeTemporaryWritten);
            }
        }

        _vault.Options.Timings?.AddWrite(Stopwatch.GetElapsedTime(journaled));
        return (hashes, placements);
    }

    private void Abandon(string owner, string[] hashes)
    {
        foreach (string hash in hashes)
        {
            _vault.Store.DeleteTemporary(owner, hash);
        }

        using DbConnection connection = _vault.Database.Open();
        Sql.Execute(connection, null, "DELETE FROM pending_intakes WHERE owner = @o", ("@o", owner));
    }

    /// <summary>
    /// The device-signed pre-record span in milliseconds: from file 0's open record (format version 2), null for a
    /// version 1 recording. <paramref name="results"/> are in file order, file 0 first (as verification leaves them).
    /// </summary>
    internal static long? PreRecordSpanMilliseconds(IReadOnlyList<RecordingResult> results) =>
        results.Count > 0 && results[0].Header.ContinuationIndex == 0 && results[0].PreRecordSpan is TimeSpan span
            ? (long)span.TotalMilliseconds
            : null;

    /// <summary>The recording's hash: SHA-256 of its sha256sum-style manifest, one line per file in order.</summary>
    internal static string Manifest(IReadOnlyList<string> hashes, IReadOnlyList<string> names)
    {
        var text = new StringBuilder();
        for (int i = 0; i < hashes.Count; i++)
        {
            text.Append(hashes[i]).Append("  ").Append(names[i]).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // The same rules as the offload verifier (Bodycam.Sdk.Offload.ReaderRecordingVerifier), over bytes already in memory.
    private static RecordingCheck Verify(List<byte[]> files, ReadOnlySpan<byte> deviceKey, out List<RecordingResult> results)
    {
        results = new List<RecordingResult>(files.Count);
        int segments = 0;
        for (int i = 0; i < files.Count; i++)
        {
            RecordingResult result;
            try
            {
                result = new RecordingReader(files[i]).Verify(deviceKey);
            }
            catch (RecordingFormatException e)
            {
                return new RecordingCheck(false, $"file {i + 1}: {e.Error} ({e.Message})");
            }

            if (result.Status != RecordingStatus.Complete && result.Status != RecordingStatus.ClosedByRecovery)
            {
                return new RecordingCheck(false, $"file {i + 1}: {result.Status} ({result.Error}, record {result.FailedRecordIndex}, offset {result.FailedOffset})");
            }

            segments += result.SegmentCount;
            results.Add(result);
        }

        // The set's status by the same rules bodycam verify and export use (docs/recording-format.md, "6.3").
        var set = new List<RecordingSetFile>(results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            set.Add(new RecordingSetFile("file " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), results[i]));
        }

        RecordingSetResult assessed = RecordingFileSet.Assess(set);
        if (assessed.Status != RecordingStatus.Complete && assessed.Status != RecordingStatus.ClosedByRecovery)
        {
            return new RecordingCheck(false, $"{assessed.Status} ({assessed.Error}): {assessed.Detail}");
        }

        return new RecordingCheck(true, $"{results[^1].Status}, {files.Count} file(s), {segments} segment(s)");
    }

    private IntakeResult Quarantine(VaultActor actor, string municipality, string? recordingId, IReadOnlyList<string> files, string[] hashes, string source, string reason)
    {
        string manifest = Manifest(hashes, files.Select(Path.GetFileName).ToArray()!);
        long now = _vault.NowMs;
        using DbConnection connection = _vault.Database.Open();
        using DbTransaction transaction = connection.BeginTransaction();

        // Idempotent: the same files refused for the same reason are recorded once.
        if (Sql.Scalar(connection, transaction, "SELECT 1 FROM quarantine WHERE sha256 = @h AND reason = @x AND municipality = @m", ("@h", manifest), ("@x", reason), ("@m", municipality)) is null)
        {
            string id = EvidenceVault.NewId("q");
            Sql.Execute(
                connection,
                transaction,
                "INSERT INTO quarantine (quarantine_id, municipality, recording_id, sha256, source, reason, at_ms, actor) VALUES (@q, @m, @r, @h, @s, @x, @t, @a)",
                ("@q", id),
                ("@m", municipality),
                ("@r", recordingId),
                ("@h", manifest),
                ("@s", source + ": " + string.Join(", ", files)),
                ("@x", reason),
                ("@t", now),
                ("@a", actor.Name));
            AccessLog.Append(connection, transaction, _vault.Database, municipality, now, actor.Name, "intake-quarantined", recordingId, null, null, $"{id}: {reason}", manifest);
        }

        transaction.Commit();
        return new IntakeResult(recordingId, IntakeOutcome.Quarantined, reason, files);
    }

    // How one file reaches the store: copied through a temporary file, renamed or linked in (Move: a move or link),
    // or, its object stored already, left as it is (a copy or link) or removed after the commit (a move).
    private sealed record Placement(string? Temporary, bool Move, bool RemoveAfterCommit);

    // One file as read: its bytes, and its header or why it has none.
    private sealed record LoadedFile(string Path, byte[] Bytes, string? Sha256, RecordingHeader? Header, RecordingFormatException? Error);
}
