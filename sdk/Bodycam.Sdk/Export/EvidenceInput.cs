using System;
using System.Collections.Generic;
using Bodycam.Sdk.Media;

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
}
