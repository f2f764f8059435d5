namespace Bodycam.Emulator.Scenarios;

/// <summary>What a verified and decrypted recording holds, as <c>expect-recordings</c> checks it.</summary>
public sealed class RecordingSummary
{
    /// <summary>The recording's id (its first file's name).</summary>
    public required string Id { get; init; }

    /// <summary>First to last video frame, milliseconds.</summary>
    public long DurationMilliseconds { get; init; }

    /// <summary>First frame to the trigger, milliseconds.</summary>
    public long PreRecordMilliseconds { get; init; }

    /// <summary><c>complete</c>, <c>recovered</c>, <c>truncated</c>, <c>tampered</c> or <c>damaged</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Whether audio frames lie before the trigger.</summary>
    public bool AudioInPreRecord { get; init; }

    /// <summary>Files the recording spans.</summary>
    public int Parts { get; init; }

    /// <summary>Markers in the recording.</summary>
    public int Markers { get; init; }

    /// <summary>Video frames decrypted.</summary>
    public long VideoFrames { get; init; }

    /// <summary>Audio blocks decrypted.</summary>
    public long AudioFrames { get; init; }

    /// <summary>Bytes on storage (all parts).</summary>
    public long Bytes { get; init; }

    /// <summary>The verifier's verdict in words (signature, chain, decryption).</summary>
    public required string Verification { get; init; }
}
