using System;
using Bodycam.Firmware.Configuration;

namespace Bodycam.Firmware.Boot;

/// <summary>
/// What a board's camera and microphone produce and how much memory it gives the pre-record ring
/// (hardware-notes.md, "Memory budget"). <see cref="DeviceBuilder"/> sizes the ring's arena and frame index from it and
/// from the configured window once, at boot: the ring is allocated once and never grows.
/// </summary>
public sealed class PreRecordBudget
{
    /// <summary>The smallest arena the configuration accepts (64 KiB).</summary>
    public const int MinimumArenaBytes = 64 * 1024;

    /// <summary>The largest arena the configuration accepts (128 MiB).</summary>
    public const int MaximumArenaBytes = 128 * 1024 * 1024;

    // A window is sized for one more group of pictures than it holds, so eviction by age, not by space, decides
    // what the clip starts with (the ring keeps the first key frame inside the window) even while frames arrive
    // between the press and the recognition of the gesture.
    private const long GroupSlackMilliseconds = 2000;

    // Room for index bookkeeping and frame-size variation beyond the average bitrate.
    private const int ArenaReserveBytes = 256 * 1024;

    private const int MinimumFrameCapacity = 16;
    private const int MaximumFrameCapacity = 65536;
    private const int FrameIndexReserve = 64;

    /// <summary>Gets or sets the encoded video bytes per second at the camera's bitrate (or, for an encoder without
    /// rate control, the largest frame times the frame rate).</summary>
    public long VideoBytesPerSecond { get; set; }

    /// <summary>Gets or sets the audio bytes per second (16 kHz, 16-bit mono: 32,000).</summary>
    public long AudioBytesPerSecond { get; set; }

    /// <summary>Gets or sets the number of frames per second the ring receives (video frames plus audio blocks).</summary>
    public int FramesPerSecond { get; set; }

    /// <summary>Gets or sets the largest encoded frame the camera can deliver.</summary>
    public int LargestFrameBytes { get; set; }

    /// <summary>Gets or sets the most memory the board gives the arena; the sized arena never exceeds it.</summary>
    public int ArenaLimitBytes { get; set; } = MaximumArenaBytes;

    /// <summary>
    /// Sizes <see cref="DeviceConfiguration.PreRecordArenaBytes"/> and
    /// <see cref="DeviceConfiguration.PreRecordFrameCapacity"/> for <paramref name="configuration"/>'s window:
    /// (video + audio bytes over the window plus one group of pictures) × 5/4, two largest frames and 256 KiB,
    /// within 64 KiB and <see cref="ArenaLimitBytes"/>; the index holds every frame of that span × 5/4 plus 64. With a
    /// window of 0 the ring allocates nothing: both sizes are set to their smallest values.
    /// </summary>
    /// <param name="configuration">The configuration to size; its window is read, the two sizes written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <exception cref="ConfigurationException">A size falls outside the configuration's ranges.</exception>
    public void Apply(DeviceConfiguration configuration)
    {
        if (configuration == null)
        {
            throw new ArgumentNullException("configuration");
        }

        if (configuration.PreRecordWindowMilliseconds == 0)
        {
            configuration.PreRecordArenaBytes = MinimumArenaBytes;
            configuration.PreRecordFrameCapacity = MinimumFrameCapacity;
            configuration.Validate();
            return;
        }

        long windowMs = configuration.PreRecordWindowMilliseconds + GroupSlackMilliseconds;
        long videoBytes = VideoBytesPerSecond * windowMs / 1000;
        long audioBytes = AudioBytesPerSecond * windowMs / 1000;
        long arena = ((videoBytes + audioBytes) * 5 / 4) + (2L * LargestFrameBytes) + ArenaReserveBytes;
        long limit = ArenaLimitBytes < MaximumArenaBytes ? ArenaLimitBytes : MaximumArenaBytes;
        configuration.PreRecordArenaBytes = (int)Clamp(arena, MinimumArenaBytes, limit);
        long frames = (FramesPerSecond * windowMs / 1000 * 5 / 4) + FrameIndexReserve;
        configuration.PreRecordFrameCapacity = (int)Clamp(frames, MinimumFrameCapacity, MaximumFrameCapacity);
        configuration.Validate();
    }

    private static long Clamp(long value, long minimum, long maximum)
    {
        if (value < minimum)
        {
            return minimum;
        }

        return value > maximum ? maximum : value;
    }
}
