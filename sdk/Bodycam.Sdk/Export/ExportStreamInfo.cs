using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Export;

/// <summary>
/// What an export needs to know about the streams of a recording (docs/export.md). Audio is always mono 16-bit
/// little-endian PCM; <see cref="AudioSampleRate"/> of 0 means the recording has no audio stream.
/// </summary>
/// <param name="VideoCodec">How the video frames are encoded.</param>
/// <param name="Width">Picture width in pixels.</param>
/// <param name="Height">Picture height in pixels.</param>
/// <param name="FramesPerSecond">The camera's nominal frame rate: the fixed rate of the exported video track.</param>
/// <param name="AudioSampleRate">Audio samples per second, or 0 when there is no audio.</param>
public sealed record ExportStreamInfo(VideoCodec VideoCodec, int Width, int Height, int FramesPerSecond, int AudioSampleRate)
{
    /// <summary>Audio channels: the device records one microphone.</summary>
    public const int AudioChannels = 1;

    /// <summary>Bits per audio sample (signed, little-endian).</summary>
    public const int AudioBitsPerSample = 16;

    /// <summary>Whether the recording has an audio stream.</summary>
    public bool HasAudio => AudioSampleRate > 0;
}
