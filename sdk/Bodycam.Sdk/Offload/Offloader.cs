using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Recording;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// Copies every closed recording off a device, verifies each file from the bytes as they were received (structure,
/// hash chain and device signatures, with the recording reader; the stored file is never read back), makes the copies
/// durable (each file flushed to the disk before its rename, then the folder), and only then confirms the recording
/// by each file's length and final chain hash (ConfirmRecordingChain) so the device may delete it; a device whose
/// firmware does not know that request is confirmed with the SHA-256 of each stored copy instead (ConfirmRecording)
/// (docs/dock-protocol.md, "Offload (host side)"). A file is written as "name.part" and renamed when complete. A later
/// run resumes a ".part" only after checking what it holds (its last bytes against the device's, every whole record in
/// it against the chain and the signatures); a file that does not verify after it was resumed from local bytes is downloaded again whole before the
/// device is blamed. When the destination fails (not a folder, not writable, full) the ".part" is removed and an
/// <see cref="OffloadException"/> names the path; a device that announces a name which is not a plain name
/// (<see cref="OffloadNames"/>) is refused before anything is written.
/// </summary>
public sealed class Offloader
{
    // How much of a resumed ".part" is compared byte for byte with the device before resuming (one range read).
    private const int ResumeTailBytes = 4096;

    private readonly Func<CancellationToken, Task<DockClient>> _connect;
    private readonly IRecordingVerifier? _verifier;
    private readonly OffloadOptions _options;
    private readonly IDestinationSync _sync;

    /// <summary>Initializes a new instance of the <see cref="Offloader"/> class.</summary>
    /// <param name="connect">Opens a link, says hello and authenticates (called again after a dropped link).</param>
    /// <param name="verifier">
    /// A further check of each copied recording after the offloader's own (for example an intake into an evidence
    /// vault, which stores the files), or null. A <see cref="ReaderRecordingVerifier"/> is not run again: its checks
    /// are the ones the offloader runs while receiving.
    /// </param>
    /// <param name="options">Destination and retries.</param>
    public Offloader(Func<CancellationToken, Task<DockClient>> connect, IRecordingVerifier? verifier, OffloadOptions options)
        : this(connect, verifier, options, new DestinationSync())
    {
    }

    // With the durability steps replaced (tests observe when each file and the folder are flushed).
    internal Offloader(Func<CancellationToken, Task<DockClient>> connect, IRecordingVerifier? verifier, OffloadOptions options, IDestinationSync sync)
    {
        _connect = connect;
        _verifier = verifier is ReaderRecordingVerifier ? null : verifier;
        _options = options;
        _sync = sync;
    }

    /// <summary>Runs the offload.</summary>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>What became of each recording.</returns>
    /// <exception cref="OffloadException">The destination cannot take the files, or the device announced a name or size the host refuses.</exception>
    /// <exception cref="DockConnectionException">The link failed more often than <see cref="OffloadOptions.MaxReconnects"/> allows.</exception>
    public async Task<IReadOnlyList<OffloadedRecording>> RunAsync(IProgress<OffloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        DockClient client = await _connect(cancellationToken).ConfigureAwait(false);
        try
        {
            DeviceInfo info = await client.GetInfoAsync(cancellationToken).ConfigureAwait(false);
            byte[] deviceKey = DeviceKeyOf(client);
            IReadOnlyList<DeviceRecordingFile> files = await client.ListRecordingsAsync(cancellationToken).ConfigureAwait(false);
            string deviceId = OffloadNames.Require(info.DeviceId, OffloadError.UnsafeDeviceId);
            foreach (DeviceRecordingFile file in files)
            {
                OffloadNames.Require(file.Name, OffloadError.UnsafeFileName);
            }

            string folder = PrepareFolder(deviceId);
            long totalBytes = files.Where(f => !f.IsOpen).Sum(f => f.Length);
            long totalDone = 0;
            var confirmWith = new ConfirmChoice();
            List<OffloadedRecording> results = [];
            foreach (IGrouping<string, DeviceRecordingFile> recording in files.GroupBy(f => f.RecordingId))
            {
                List<DeviceRecordingFile> parts = recording.ToList();
                List<string> paths = parts.Select(f => Path.Combine(folder, f.Name)).ToList();
                long bytes = parts.Sum(f => f.Length);
                if (parts.Any(f => f.IsOpen))
                {
                    results.Add(new OffloadedRecording(recording.Key, paths, bytes, OffloadStatus.SkippedOpen, "still recording"));
                    continue;
                }

                var received = new ReceivedFile[parts.Count];
                string? failure = null;
                for (int i = 0; i < parts.Count && failure is null; i++)
                {
                    DeviceRecordingFile file = parts[i];
                    long before = totalDone;
                    Action<long> report = done => progress?.Report(new OffloadProgress(file.Name, done, file.Length, before + done, totalBytes));
                    (client, received[i]) = await ReceiveVerifiedAsync(client, file, paths[i], deviceKey, report, cancellationToken).ConfigureAwait(false);
                    totalDone += file.Length;
                    failure = received[i].Result is null ? received[i].Detail : null;
                }

                RecordingCheck check = failure is null
                    ? RecordingChecks.CheckSet(paths, received.Select(r => r.Result!).ToList())
                    : new RecordingCheck(false, failure);
                if (!check.Verified && failure is null && received.Any(r => r.FromLocalBytes))
                {
                    // The files hold together only if the local ones are right: fetch those again before blaming the device.
                    for (int i = 0; i < parts.Count; i++)
                    {
                        if (received[i].FromLocalBytes)
                        {
                            (client, received[i]) = await ReceiveVerifiedAsync(client, parts[i], paths[i], deviceKey, _ => { }, cancellationToken, fresh: true).ConfigureAwait(false);
                        }
                    }

                    check = received.FirstOrDefault(r => r.Result is null) is { } bad
                        ? new RecordingCheck(false, bad.Detail)
                        : RecordingChecks.CheckSet(paths, received.Select(r => r.Result!).ToList());
                }

                if (check.Verified && _verifier is not null)
                {
                    check = await _verifier.VerifyAsync(paths, deviceKey, cancellationToken).ConfigureAwait(false);
                }

                if (!check.Verified)
                {
                    results.Add(new OffloadedRecording(recording.Key, paths, bytes, OffloadStatus.VerificationFailed, check.Detail));
                    continue;
                }

                if (!_options.Confirm)
                {
                    results.Add(new OffloadedRecording(recording.Key, paths, bytes, OffloadStatus.VerifiedNotConfirmed, check.Detail));
                    continue;
                }

                // The renames must be on the disk before the device deletes its copy (the files' bytes already are).
                SyncFolder(folder);
                try
                {
                    await ConfirmAsync(client, recording.Key, parts, paths, received, confirmWith, cancellationToken).ConfigureAwait(false);
                    results.Add(new OffloadedRecording(recording.Key, paths, bytes, OffloadStatus.Confirmed, check.Detail));
                }
                catch (DockErrorException e)
                {
                    results.Add(new OffloadedRecording(recording.Key, paths, bytes, OffloadStatus.ConfirmRefused, e.Code.ToString()));
                }
            }

            return results;
        }
        finally
        {
            client.Dispose();
        }
    }

    // Confirms one recording: by each file's length and final chain hash (ConfirmRecordingChain), or, once the device
    // answered that request with UnknownCommand (firmware older than the request), by the SHA-256 of each stored copy
    // (ConfirmRecording), for this recording and the rest of the run.
    private static async Task ConfirmAsync(DockClient client, string recordingId, List<DeviceRecordingFile> parts, List<string> paths, ReceivedFile[] received, ConfirmChoice choice, CancellationToken cancellationToken)
    {
        if (choice.Chain)
        {
            List<ChainConfirmation> chains = parts.Select((f, i) => new ChainConfirmation(f.Name, received[i].Length, received[i].Result!.FinalChainHash)).ToList();
            try
            {
                await client.ConfirmRecordingChainAsync(recordingId, chains, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DockErrorException e) when (e.Code == DockErrorCode.UnknownCommand)
            {
                // An older device: confirm this recording, and every later one, the way it knows.
                choice.Chain = false;
            }
        }

        var confirmations = new List<OffloadConfirmation>(parts.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            confirmations.Add(new OffloadConfirmation(parts[i].Name, await HashStoredAsync(paths[i], cancellationToken).ConfigureAwait(false)));
        }

        await client.ConfirmRecordingAsync(recordingId, confirmations, cancellationToken).ConfigureAwait(false);
    }

    // The SHA-256 of a stored copy, read back from the destination (only for a device without ConfirmRecordingChain).
    private static async Task<byte[]> HashStoredAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            return await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OffloadException(OffloadError.DestinationWriteFailed, path, $"Cannot read back {path} to confirm it to a device without ConfirmRecordingChain: {e.Message} The device keeps its recordings.", e);
        }
    }

    // The device key the recordings must be signed with: the key the device proved it holds in the handshake (pinned
    // from the device registry when the connection's options carry it), never one the device merely reports.
    private static byte[] DeviceKeyOf(DockClient client)
    {
        ReadOnlyMemory<byte> key = client.DeviceKey
            ?? throw new InvalidOperationException("The offload's connection was not authenticated, so the device key is unknown.");
        return key.ToArray();
    }

    private static bool IsFull(IOException e) => e.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    // Maps a failure of the destination's file system to the typed error, naming the path and what to do.
    private static OffloadException DestinationFailure(Exception e, string path)
    {
        return e switch
        {
            OffloadException known => known,
            UnauthorizedAccessException => new OffloadException(OffloadError.DestinationNotWritable, path, $"Cannot write {path}: permission denied. Choose a destination folder you may write to; the device keeps its recordings.", e),
            IOException io when IsFull(io) => new OffloadException(OffloadError.DestinationFull, path, $"The disk holding {path} is full. Free space or choose another destination; the partial copy was removed and the device keeps its recordings.", e),
            IOException io when io.HResult == 30 => new OffloadException(OffloadError.DestinationNotWritable, path, $"Cannot write {path}: the file system is read-only. Choose a writable destination; the device keeps its recordings.", e),
            IOException io when io.HResult == 20 => new OffloadException(OffloadError.DestinationNotAFolder, path, $"Cannot write {path}: part of the path is a file, not a folder. Choose a folder as the destination.", e),
            _ => new OffloadException(OffloadError.DestinationWriteFailed, path, $"Cannot write {path}: {e.Message} The partial copy was removed and the device keeps its recordings.", e),
        };
    }

    private static OffloadException NotAFolder(string path) =>
        new(OffloadError.DestinationNotAFolder, path, $"The destination {path} is a file, not a folder. Give a folder (it is created if missing).");

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort while reporting the failure that caused it; the caller throws that failure.
        }
        catch (UnauthorizedAccessException)
        {
            // As above: the folder refused the write in the first place.
        }
    }

    // Makes the renames in the device's folder durable (the files' bytes were flushed before each rename).
    private void SyncFolder(string folder)
    {
        try
        {
            _sync.FlushFolder(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OffloadException(OffloadError.DestinationWriteFailed, folder, $"Cannot flush {folder} to the disk: {e.Message} Nothing was confirmed; the device keeps its recordings.", e);
        }
    }

    private string PrepareFolder(string deviceId)
    {
        string destination = Path.GetFullPath(_options.Destination);
        if (File.Exists(destination))
        {
            throw NotAFolder(destination);
        }

        string folder = Path.Combine(destination, deviceId);
        if (File.Exists(folder))
        {
            throw NotAFolder(folder);
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DestinationFailure(e, folder);
        }

        return folder;
    }

    // Copies one file and verifies it from the received bytes. A file that fails after local bytes were used (a
    // resumed ".part", an earlier run's copy) is fetched again whole, once, so local damage never blames the device.
    private async Task<(DockClient Client, ReceivedFile File)> ReceiveVerifiedAsync(DockClient client, DeviceRecordingFile file, string path, byte[] deviceKey, Action<long> report, CancellationToken cancellationToken, bool fresh = false)
    {
        while (true)
        {
            (client, ReadOnlyMemory<byte> bytes, bool fromLocal) = await ReceiveAsync(client, file, path, deviceKey, report, fresh, cancellationToken).ConfigureAwait(false);

            // The check computes the chain the confirm names (RecordingResult.FinalChainHash): no second pass.
            RecordingResult? result = RecordingChecks.CheckFile(path, bytes, deviceKey, out string detail);
            if (result is not null || !fromLocal)
            {
                return (client, new ReceivedFile(result, detail, bytes.Length, fromLocal));
            }

            fresh = true;
        }
    }

    // Brings one file to the host: resumes a checked ".part", or downloads it whole; returns its bytes.
    private async Task<(DockClient Client, ReadOnlyMemory<byte> Bytes, bool FromLocal)> ReceiveAsync(DockClient client, DeviceRecordingFile file, string path, byte[] deviceKey, Action<long> report, bool fresh, CancellationToken cancellationToken)
    {
        if (file.Length > Array.MaxLength || file.Length < 0)
        {
            throw new OffloadException(OffloadError.FileTooLarge, file.Name, $"The device announced {file.Name} with {file.Length} bytes; the host verifies a file in memory and holds at most {Array.MaxLength}.");
        }

        string part = path + ".part";
        FileStream? stream = null;
        try
        {
            if (fresh)
            {
                File.Delete(path);
                File.Delete(part);
            }
            else if (File.Exists(path))
            {
                // An earlier run's copy (say with --no-confirm): checked like a resumed ".part" of full length.
                if (new FileInfo(path).Length == file.Length)
                {
                    File.Move(path, part, true);
                }
                else
                {
                    File.Delete(path);
                }
            }

            FileStream local = new(part, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 0);
            stream = local;
            // A ".part" that is not a regular file (a device node, say) holds nothing to resume.
            long stored = local.CanSeek ? local.Length : 0;
            int have = stored > file.Length ? 0 : (int)stored;
            byte[] bytes = new byte[file.Length];
            if (have > 0)
            {
                local.ReadExactly(bytes, 0, have);
            }

            bool fromLocal = have > 0;
            bool prefixChecked = have == 0;
            int reconnects = 0;
            while (true)
            {
                try
                {
                    if (!prefixChecked)
                    {
                        have = await CheckLocalBytesAsync(client, file, bytes, have, deviceKey, cancellationToken).ConfigureAwait(false);
                        fromLocal = have > 0;
                        prefixChecked = true;
                        local.SetLength(have);
                    }

                    if (local.CanSeek)
                    {
                        local.Position = have;
                    }

                    ReceivingFile sink = new(bytes, have, local);
                    int start = have;
                    report(start);
                    try
                    {
                        await client.DownloadAsync(file.Name, start, sink, new SyncProgress(done => report(start + done)), cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        have = (int)sink.Length;
                        bytes = sink.Buffer;
                    }

                    // On the disk before it gets its final name: a power cut after the confirm must not lose it.
                    _sync.FlushFile(local);
                    local.Dispose();
                    stream = null;
                    File.Move(part, path, true);
                    return (client, bytes.AsMemory(0, have), fromLocal);
                }
                catch (DockConnectionException) when (reconnects < _options.MaxReconnects)
                {
                    reconnects++;
                    client.Dispose();
                    client = await _connect(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OffloadException)
        {
            // The destination failed (or refused the file): no ".part" stays behind; the device keeps the recording.
            stream?.Dispose();
            stream = null;
            DeleteQuietly(part);
            throw DestinationFailure(e, part);
        }
        finally
        {
            stream?.Dispose();
        }
    }

    // How many of the local bytes may be kept: all of them when their last bytes are what the device holds there and
    // every whole record in them verifies (chain and signatures up to the last signed record), else none. Bytes after
    // the last signed record are proved by the next one, when the rest has arrived.
    private static async Task<int> CheckLocalBytesAsync(DockClient client, DeviceRecordingFile file, byte[] bytes, int have, byte[] deviceKey, CancellationToken cancellationToken)
    {
        int n = Math.Min(have, ResumeTailBytes);
        (byte[] device, _) = await client.ReadRecordingAsync(file.Name, have - n, n, cancellationToken).ConfigureAwait(false);
        if (!device.AsSpan().SequenceEqual(bytes.AsSpan(have - n, n)))
        {
            return 0;
        }

        try
        {
            return new RecordingReader(bytes.AsMemory(0, have)).Verify(deviceKey).Status == RecordingStatus.Tampered ? 0 : have;
        }
        catch (RecordingFormatException)
        {
            // Not even a whole header: cheaper to fetch again than to reason about.
            return 0;
        }
    }

    // One file's outcome: the reader's result (null when it failed; its final chain hash is what the confirm names),
    // the failure for people, the length of the verified bytes, and whether local bytes were used.
    private sealed record ReceivedFile(RecordingResult? Result, string Detail, long Length, bool FromLocalBytes);

    // Which confirm a run sends: ConfirmRecordingChain until the device answers it with UnknownCommand.
    private sealed class ConfirmChoice
    {
        public bool Chain { get; set; } = true;
    }

    // Reports on the caller's thread (Progress<T> would post to a thread pool and reorder reports).
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
