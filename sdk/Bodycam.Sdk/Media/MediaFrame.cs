using System;

namespace Bodycam.Sdk.Media;

/// <summary>One decrypted, verified media frame of a recording.</summary>
/// <param name="Kind">Video or audio.</param>
/// <param name="TimestampMilliseconds">Capture time on the device's monotonic clock.</param>
/// <param name="KeyFrame">Whether the frame decodes on its own (always true for JPEG video and for audio).</param>
/// <param name="Data">The encoded frame (a JPEG picture, a GOP frame, or PCM samples).</param>
public sealed record MediaFrame(MediaKind Kind, long TimestampMilliseconds, bool KeyFrame, ReadOnlyMemory<byte> Data);
