using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;

namespace Bodycam.Sdk.Export;

/// <summary>
/// Everything an evidence bundle is made from: the original encrypted files, the facts the reader verified, and the
/// decrypted frames. Times on the device's monotonic clock are milliseconds, like the frames' timestamps.
/// </summary>
public sealed class EvidenceInput
{
    /// <summary>The original encrypted recording file(s), first file first (continuation files follow).</summary>
    public required IReadOnlyList<string> OriginalFiles { get; init; }

    /// <summary>The device's identifier as written in the recording header.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The device's Ed25519 public key the signatures were verified with (32 bytes).</summary>
    public required ReadOnlyMemory<byte> DevicePublicKey { get; init; }

    /// <summary>The recording's identifier (hex or text as the format defines it).</summary>
    public required string RecordingId { get; init; }

    /// <summary>Version of the recording format the file declares.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>Wall-clock start of the recording as the device recorded it, or null when it had no time at all.</summary>
    public DateTimeOffset? StartUtc { get; init; }

    /// <summary>Whether the device's clock had been set (synchronised) when the recording started.</summary>
    public required bool ClockSynchronised { get; init; }

    /// <summary>The device's monotonic clock at the start of the recording.</summary>
    public required long StartMonotonicMilliseconds { get; init; }

    /// <summary>Length of the verified recording.</summary>
    public required long DurationMilliseconds { get; init; }

    /// <summary>Number of verified segments.</summary>
    public required int Segments { get; init; }

    /// <summary>Markers the officer dropped, on the device's monotonic clock.</summary>
    public IReadOnlyList<long> MarkerMilliseconds { get; init; } = Array.Empty<long>();

    /// <summary>The verification status.</summary>
    public required EvidenceStatus Status { get; init; }

    /// <summary>
    /// What the status means in detail: for recovery how much was lost, for tampering the record and offset where
    /// verification failed. Null when there is nothing to add.
    /// </summary>
    public string? StatusDetail { get; init; }

    /// <summary>The streams of the recording.</summary>
    public required ExportStreamInfo Streams { get; init; }

    /// <summary>The verified, decrypted frames in recording order.</summary>
    public required IReadOnlyList<MediaFrame> Frames { get; init; }

    /// <summary>Lines of the device's audit trail that concern this recording, already verified; may be empty.</summary>
    public IReadOnlyList<string> AuditExcerpt { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Gets, for each file given (in order), its format version, status and how much of it is device-signed. Empty when
    /// the input was not made from reader results.
    /// </summary>
    public IReadOnlyList<EvidenceFileSummary> RecordingFiles { get; init; } = Array.Empty<EvidenceFileSummary>();

    /// <summary>
    /// Builds the input from what <see cref="RecordingReader.Decrypt"/> returned for each file of one recording (the
    /// first file and its continuation files, in order). The set gets one status from
    /// <see cref="RecordingFileSet.Assess"/>, the same one <c>bodycam verify</c> shows; media comes only from the files
    /// that status includes. Every file is still copied as an original.
    /// </summary>
    /// <param name="originalFiles">The encrypted files, in the same order as <paramref name="results"/>.</param>
    /// <param name="results">The reader's result for each file (decrypted, so with frames).</param>
    /// <param name="auditExcerpt">Verified audit lines about this recording, if any.</param>
    /// <returns>The bundle input.</returns>
    /// <exception cref="EvidenceBundleException">The lists are empty or differ in length, or the audio is not 16-bit mono PCM.</exception>
    public static EvidenceInput FromRecording(
        IReadOnlyList<string> originalFiles,
        IReadOnlyList<RecordingResult> results,
        IReadOnlyList<string>? auditExcerpt = null)
    {
        ArgumentNullException.ThrowIfNull(originalFiles);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0 || results.Count != originalFiles.Count)
        {
            throw new EvidenceBundleException(
                EvidenceBundleError.InvalidInput,
                "Give one reader result for each original file, at least one.");
        }

        var files = new List<RecordingSetFile>(results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            files.Add(new RecordingSetFile(Path.GetFileName(originalFiles[i]), results[i]));
        }

        return FromRecordingSet(originalFiles, RecordingFileSet.Assess(files), auditExcerpt);
    }

    /// <summary>
    /// Builds the input from a set of files the reader read (some headers may have been refused) and its status from
    /// <see cref="RecordingFileSet.Assess"/>. The recording's facts come from the first file; media only from the files
    /// the set includes, so the export never holds media the report leaves out.
    /// </summary>
    /// <param name="originalFiles">The encrypted files, in the same order as the set's files.</param>
    /// <param name="set">The set's assessment.</param>
    /// <param name="auditExcerpt">Verified audit lines about this recording, if any.</param>
    /// <returns>The bundle input.</returns>
    /// <exception cref="EvidenceBundleException">
    /// <see cref="EvidenceBundleError.InvalidInput"/>: the lists differ in length, the first file's header was refused
    /// (there is no recording to describe), or the audio is not 16-bit mono PCM.
    /// </exception>
    public static EvidenceInput FromRecordingSet(
        IReadOnlyList<string> originalFiles,
        RecordingSetResult set,
        IReadOnlyList<string>? auditExcerpt = null)
    {
        ArgumentNullException.ThrowIfNull(originalFiles);
        ArgumentNullException.ThrowIfNull(set);
        if (set.Files.Count == 0 || set.Files.Count != originalFiles.Count)
        {
            throw new EvidenceBundleException(
                EvidenceBundleError.InvalidInput,
                "Give one reader result for each original file, at least one.");
        }

        RecordingResult first = set.Files[0].Result
            ?? throw new EvidenceBundleException(
                EvidenceBundleError.InvalidInput,
                "The first file's header is refused, so there is no recording to describe: " + set.Detail);
        RecordingHeader header = first.Header;
        bool hasAudio = header.AudioFormat != 0 && header.AudioSampleRate > 0;
        if (hasAudio && (header.AudioFormat != 1 || header.AudioChannels != ExportStreamInfo.AudioChannels))
        {
            throw new EvidenceBundleException(
                EvidenceBundleError.InvalidInput,
                "The audio is not 16-bit mono PCM (format " + header.AudioFormat + ", " + header.AudioChannels + " channels).");
        }

        var frames = new List<MediaFrame>();
        var markers = new List<long>();
        var summaries = new List<EvidenceFileSummary>(set.Files.Count);
        int segments = 0;
        long end = header.StartMonotonicMilliseconds;
        for (int i = 0; i < set.Files.Count; i++)
        {
            RecordingSetFile file = set.Files[i];
            RecordingResult? result = file.Result;
            bool included = i < set.IncludedFiles && result is not null;
            (long First, long Last)? signedSpan = result?.SignedMediaSpan;
            summaries.Add(new EvidenceFileSummary(
                file.Name,
                result?.Header.Version,
                ToEvidenceStatus(file.Status),
                included,
                result?.SegmentCount ?? 0,
                result?.SignedSegmentCount ?? 0,
                signedSpan?.First,
                signedSpan?.Last));
            if (!included)
            {
                continue;
            }

            frames.AddRange(result!.Frames);
            markers.AddRange(result.Markers);
            segments += result.SegmentCount;
            if (result.EndMonotonicMilliseconds is long closed)
            {
                end = Math.Max(end, closed);
            }
        }

        foreach (MediaFrame frame in frames)
        {
            end = Math.Max(end, frame.TimestampMilliseconds);
        }

        DateTimeOffset? startUtc = header.StartUnixMilliseconds is >= 0 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(header.StartUnixMilliseconds)
            : null;
        return new EvidenceInput
        {
            OriginalFiles = originalFiles,
            DeviceId = header.DeviceId,
            DevicePublicKey = header.DevicePublicKey,
            RecordingId = header.RecordingId,
            FormatVersion = header.Version,
            StartUtc = startUtc,
            ClockSynchronised = header.ClockSynchronised,
            StartMonotonicMilliseconds = header.StartMonotonicMilliseconds,
            DurationMilliseconds = Math.Max(0, end - header.StartMonotonicMilliseconds),
            Segments = segments,
            MarkerMilliseconds = markers,
            Status = ToEvidenceStatus(set.Status),
            StatusDetail = set.Detail,
            Streams = new ExportStreamInfo(header.VideoCodec, header.Width, header.Height, header.FramesPerSecond, hasAudio ? header.AudioSampleRate : 0),
            Frames = frames,
            AuditExcerpt = auditExcerpt ?? Array.Empty<string>(),
            RecordingFiles = summaries,
        };
    }

    private static EvidenceStatus ToEvidenceStatus(RecordingStatus status)
    {
        return status switch
        {
            RecordingStatus.Complete => EvidenceStatus.Complete,
            RecordingStatus.ClosedByRecovery => EvidenceStatus.ClosedByRecovery,
            RecordingStatus.Truncated => EvidenceStatus.Truncated,
            _ => EvidenceStatus.Tampered,
        };
    }
}
