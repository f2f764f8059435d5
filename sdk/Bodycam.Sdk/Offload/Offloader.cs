using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// Copies every closed recording off a device, resuming partial files, verifies each recording, and only then
/// confirms it with the SHA-256 of the stored copy so the device may delete it (docs/dock-protocol.md, "Offload").
/// A file is written as "name.part" and renamed when complete; a later run resumes a ".part" from its length.
/// </summary>
public sealed class Offloader
{
    private readonly Func<CancellationToken, Task<DockClient>> _connect;
    private readonly IRecordingVerifier _verifier;
    private readonly OffloadOptions _options;

    /// <summary>Initializes a new instance of the <see cref="Offloader"/> class.</summary>
    /// <param name="connect">Opens a link, says hello and authenticates (called again after a dropped link).</param>
    /// <param name="verifier">Verifies each copied recording.</param>
    /// <param name="options">Destination and retries.</param>
    public Offloader(Func<CancellationToken, Task<DockClient>> connect, IRecordingVerifier verifier, OffloadOptions options)
    {
        _connect = connect;
        _verifier = verifier;
        _options = options;
    }

    /// <summary>Runs the offload.</summary>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>What became of each recording.</returns>
    public async Task<IReadOnlyList<OffloadedRecording>> RunAsync(IProgress<OffloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        DockClient client = await _connect(cancellationToken).ConfigureAwait(false);
        try
        {
            DeviceInfo info = await client.GetInfoAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<DeviceRecordingFile> files = await client.ListRecordingsAsync(cancellationToken).ConfigureAwait(false);
            string folder = Path.Combine(_options.Destination, SafeName(info.DeviceId));
            Directory.CreateDirectory(folder);
            long totalBytes = files.Where(f => !f.IsOpen).Sum(f => f.Length);
            long totalDone = 0;
            List<OffloadedRecording> results = [];
            foreach (IGrouping<string, DeviceRecordingFile> recording in files.GroupBy(f => f.RecordingId))
            {
                List<string> paths = recording.Select(f => Path.Combine(folder, SafeName(f.Name))).ToList();
                long bytes = recording.Sum(f => f.Length);
                if (recording.Any(f => f.IsOpen))
                {
                    results.Add(new OffloadedRecording(recording.Key, paths, bytes, OffloadStatus.SkippedOpen, "still recording"));
                    continue;
                }

                foreach (DeviceRecordingFile file in recording)
                {
                    long before = totalDone;
                    client = await CopyFileAsync(client, file, Path.Combine(folder, SafeName(file.Name)), done => progress?.Report(new OffloadProgress(file.Name, done, file.Length, before + done, totalBytes)), cancellationToken).ConfigureAwait(false);
                    totalDone += file.Length;
                }

                // The key the device proved it holds in the handshake (pinned from the device registry when the
                // connection's options carry it), never one the device merely reports.
                ReadOnlyMemory<byte> deviceKey = client.DeviceKey ?? throw new InvalidOperationException("The offload's connection was not authenticated, so the device key is unknown.");
                RecordingCheck check = await _verifier.VerifyAsync(paths, deviceKey, cancellationToken).ConfigureAwait(false);
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

                List<OffloadConfirmation> confirmations = [];
                foreach ((DeviceRecordingFile file, string path) in recording.Zip(paths))
                {
                    confirmations.Add(new OffloadConfirmation(file.Name, await HashFileAsync(path, cancellationToken).ConfigureAwait(false)));
                }

                try
                {
                    await client.ConfirmRecordingAsync(recording.Key, confirmations, cancellationToken).ConfigureAwait(false);
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

    private static async Task<byte[]> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, true);
        return await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    private static string SafeName(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.') || name.StartsWith('.'))
            {
                throw new InvalidDataException($"The device sent a name that is not a plain file name: '{name}'.");
            }
        }

        return name;
    }

    // Copies one file into path (via path.part), reconnecting and resuming after a dropped link.
    private async Task<DockClient> CopyFileAsync(DockClient client, DeviceRecordingFile file, string path, Action<long> report, CancellationToken cancellationToken)
    {
        if (File.Exists(path) && new FileInfo(path).Length == file.Length)
        {
            report(file.Length);
            return client;
        }

        string part = path + ".part";
        int reconnects = 0;
        while (true)
        {
            long have = File.Exists(part) ? new FileInfo(part).Length : 0;
            if (have > file.Length)
            {
                have = 0;
            }

            try
            {
                await using (FileStream stream = new(part, have == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16, true))
                {
                    long start = have;
                    await client.DownloadAsync(file.Name, have, stream, new SyncProgress(done => report(start + done)), cancellationToken).ConfigureAwait(false);
                }

                File.Move(part, path, true);
                return client;
            }
            catch (DockConnectionException) when (reconnects < _options.MaxReconnects)
            {
                reconnects++;
                client.Dispose();
                client = await _connect(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Reports on the caller's thread (Progress<T> would post to a thread pool and reorder reports).
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
