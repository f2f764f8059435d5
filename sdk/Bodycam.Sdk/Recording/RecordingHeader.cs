using System;
using System.Collections.Generic;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Recording;

/// <summary>The header of a recording file (docs/recording-format.md, "Header").</summary>
public sealed class RecordingHeader
{
    /// <summary>Gets the format version.</summary>
    public required int Version { get; init; }

    /// <summary>Gets the header length in bytes (records start here).</summary>
    public required int Length { get; init; }

    /// <summary>Gets the recording id as 32 lowercase hex digits (also the file name stem).</summary>
    public required string RecordingId { get; init; }

    /// <summary>Gets the device id.</summary>
    public required string DeviceId { get; init; }

    /// <summary>Gets the device's Ed25519 public key as written in the header.</summary>
    public required ReadOnlyMemory<byte> DevicePublicKey { get; init; }

    /// <summary>Gets the monotonic time at the start of this file, in milliseconds.</summary>
    public required long StartMonotonicMilliseconds { get; init; }

    /// <summary>Gets the UTC time at the start of this file, in milliseconds since 1970 (see <see cref="ClockSynchronised"/>).</summary>
    public required long StartUnixMilliseconds { get; init; }

    /// <summary>Gets a value indicating whether the device's clock was set (else the UTC time is unsynchronised).</summary>
    public required bool ClockSynchronised { get; init; }

    /// <summary>Gets the continuation index (0 for the first file of a recording).</summary>
    public required int ContinuationIndex { get; init; }

    /// <summary>Gets the final chain hash of the previous file (all zero for the first file).</summary>
    public required ReadOnlyMemory<byte> PreviousChainHash { get; init; }

    /// <summary>Gets the video codec.</summary>
    public required VideoCodec VideoCodec { get; init; }

    /// <summary>Gets the picture width.</summary>
    public required int Width { get; init; }

    /// <summary>Gets the picture height.</summary>
    public required int Height { get; init; }

    /// <summary>Gets the nominal frame rate.</summary>
    public required int FramesPerSecond { get; init; }

    /// <summary>Gets the audio sample rate (0: no audio).</summary>
    public required int AudioSampleRate { get; init; }

    /// <summary>Gets the audio format (0: none, 1: 16-bit little-endian PCM).</summary>
    public required int AudioFormat { get; init; }

    /// <summary>Gets the audio channel count.</summary>
    public required int AudioChannels { get; init; }

    /// <summary>Gets the longest media span of a segment in milliseconds.</summary>
    public required long SegmentMaxMilliseconds { get; init; }

    /// <summary>Gets the largest segment plaintext in bytes.</summary>
    public required long SegmentMaxBytes { get; init; }

    /// <summary>Gets the checkpoint interval in segments.</summary>
    public required int CheckpointInterval { get; init; }

    /// <summary>Gets the file size limit.</summary>
    public required long FileMaxBytes { get; init; }

    /// <summary>Gets the file duration limit in milliseconds.</summary>
    public required long FileMaxMilliseconds { get; init; }

    /// <summary>Gets the recipient stanzas.</summary>
    public required IReadOnlyList<RecipientStanza> Recipients { get; init; }

    /// <summary>Gets SHA-256 of the header bytes (the first link of the hash chain).</summary>
    public required ReadOnlyMemory<byte> HeaderHash { get; init; }
}
