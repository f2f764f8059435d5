namespace Bodycam.Firmware.Recording;

/// <summary>
/// The writer's configuration. Buffers are sized from it once, at construction (docs/state-machine.md, "Rules the core keeps": no allocation on the frame
/// path). The media description is written into each file's header.
/// </summary>
public class RecordingWriterOptions
{
    /// <summary>Gets or sets the device id written in the header (ASCII, 1 to 64 characters).</summary>
    public string DeviceId { get; set; } = "bodycam";

    /// <summary>Gets or sets the longest span of media in one segment (what a power cut can lose), in milliseconds.</summary>
    public int SegmentMaxMilliseconds { get; set; } = 1000;

    /// <summary>Gets or sets the largest segment plaintext in bytes (every frame must fit, with its 14-byte header).</summary>
    public int SegmentMaxBytes { get; set; } = 512 * 1024;

    /// <summary>Gets or sets how many segments pass between signed checkpoints.</summary>
    public int CheckpointInterval { get; set; } = 10;

    /// <summary>Gets or sets the size past which the recording continues in a new file.</summary>
    public long FileMaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Gets or sets the duration past which the recording continues in a new file, in milliseconds.</summary>
    public int FileMaxMilliseconds { get; set; } = 30 * 60 * 1000;

    /// <summary>Gets or sets the video codec (values as the SDK's VideoCodec: 1 Motion JPEG, 2 H.264, 3 synthetic).</summary>
    public int VideoCodec { get; set; } = 1;

    /// <summary>Gets or sets the picture width in pixels.</summary>
    public int Width { get; set; } = 1280;

    /// <summary>Gets or sets the picture height in pixels.</summary>
    public int Height { get; set; } = 720;

    /// <summary>Gets or sets the nominal frame rate in frames per second.</summary>
    public int FramesPerSecond { get; set; } = 25;

    /// <summary>Gets or sets the audio sample rate in hertz (0: no audio).</summary>
    public int AudioSampleRate { get; set; } = 16000;

    /// <summary>Gets or sets the audio format (0: none, 1: 16-bit little-endian PCM).</summary>
    public int AudioFormat { get; set; } = 1;

    /// <summary>Gets or sets the number of audio channels.</summary>
    public int AudioChannels { get; set; } = 1;
}
