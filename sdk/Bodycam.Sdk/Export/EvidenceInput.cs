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
    /// Builds the input from what <see cref="RecordingReader.Decrypt"/> returned for each file of one recording (the
    /// first file and its continuation files, in order). Files are joined only while each one is complete and the
    /// next continues it (<see cref="RecordingReader.VerifyContinuation"/>); the first file that is not, or a broken
    /// link, sets the status and detail, and no media after it is included. Every file is still copied as an original.
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

        RecordingHeader header = results[0].Header;
        bool hasAudio = header.AudioFormat != 0 && header.AudioSampleRate > 0;
        if (hasAudio && (header.AudioFormat != 1 || header.AudioChannels != ExportStreamInfo.AudioChannels))
        {
            throw new EvidenceBundleException(
                EvidenceBundleError.InvalidInput,
                "The audio is not 16-bit mono PCM (format " + header.AudioFormat + ", " + header.AudioChannels + " channels).");
        }

        var frames = new List<MediaFrame>();
        var markers = new List<long>();
        int segments = 0;
        EvidenceStatus status = EvidenceStatus.Complete;
        string? detail = null;
        RecordingResult last = results[0];
        for (int i = 0; i < results.Count; i++)
        {
            RecordingResult result = results[i];
            string name = Path.GetFileName(originalFiles[i]);
            if (i > 0)
            {
                try
                {
                    RecordingReader.VerifyContinuation(results[i - 1], result);
                }
                catch (RecordingFormatException e)
                {
                    // A broken link between files is a finding for the report, not a reason to refuse the bundle.
                    status = EvidenceStatus.Tampered;
                    detail = name + " does not continue the previous file (" + e.Error + "); media from it on is left out.";
                    break;
                }
            }

            frames.AddRange(result.Frames);
            markers.AddRange(result.Markers);
            segments += result.SegmentCount;
            last = result;
            if (result.Status != RecordingStatus.Complete)
            {
                status = ToEvidenceStatus(result.Status);
                detail = Detail(result, name, i, results.Count);
                break;
            }
        }

        if (status is EvidenceStatus.Complete or EvidenceStatus.ClosedByRecovery)
        {
            // Every file read and linked: the set must also start at the recording's first file and not stop before
            // its last one (a file closed "continued" with nothing after it).
            try
            {
                RecordingFileSet.Verify(results);
            }
            catch (RecordingFormatException e)
            {
                status = last.CloseReason == RecordingCloseReason.Continued ? EvidenceStatus.Truncated : EvidenceStatus.Tampered;
                detail = e.Message;
            }
        }

        long end = last.EndMonotonicMilliseconds ?? header.StartMonotonicMilliseconds;
        foreach (MediaFrame frame in frames)
        {
            end = Math.Max(end, frame.TimestampMilliseconds);
        }

        return new EvidenceInput
        {
            OriginalFiles = originalFiles,
            DeviceId = header.DeviceId,
            DevicePublicKey = header.DevicePublicKey,
            RecordingId = header.RecordingId,
            FormatVersion = header.Version,
            StartUtc = DateTimeOffset.FromUnixTimeMilliseconds(header.StartUnixMilliseconds),
            ClockSynchronised = header.ClockSynchronised,
            StartMonotonicMilliseconds = header.StartMonotonicMilliseconds,
            DurationMilliseconds = Math.Max(0, end - header.StartMonotonicMilliseconds),
            Segments = segments,
            MarkerMilliseconds = markers,
            Status = status,
            StatusDetail = detail,
            Streams = new ExportStreamInfo(header.VideoCodec, header.Width, header.Height, header.FramesPerSecond, hasAudio ? header.AudioSampleRate : 0),
            Frames = frames,
            AuditExcerpt = auditExcerpt ?? Array.Empty<string>(),
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

    private static string Detail(RecordingResult result, string name, int index, int count)
    {
        string where = name + " (file " + (index + 1).ToString(CultureInfo.InvariantCulture) + " of " + count.ToString(CultureInfo.InvariantCulture) + ")";
        string later = index + 1 < count ? "; later files are left out" : "";
        return result.Status switch
        {
            RecordingStatus.ClosedByRecovery => where + ": recovery cut " + result.BytesCut.ToString(CultureInfo.InvariantCulture)
                + " bytes of the segment in flight; last whole segment " + result.LastGoodSegment.ToString(CultureInfo.InvariantCulture) + later,
            RecordingStatus.Truncated => where + ": ends after record " + result.RecordCount.ToString(CultureInfo.InvariantCulture)
                + " without a close record" + later,
            RecordingStatus.Tampered => where + ": " + result.Error + " at record " + result.FailedRecordIndex.ToString(CultureInfo.InvariantCulture)
                + ", byte offset " + result.FailedOffset.ToString(CultureInfo.InvariantCulture) + "; nothing from there on is included" + later,
            _ => where,
        };
    }
}
