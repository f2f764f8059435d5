using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Recording;

/// <summary>
/// Where the recording state machine sends a recording: the encrypted writer and storage manager on the device.
/// Calls come in order: <see cref="Begin"/>, frames and markers, <see cref="End"/>. Failures throw
/// <see cref="StorageException"/>; the state machine then enters the matching fault.
/// </summary>
public interface IRecordingSink
{
    /// <summary>Gets a value indicating whether a recording is open.</summary>
    bool IsOpen { get; }

    /// <summary>Reads how many bytes a new recording may still use (free space less what must stay free).</summary>
    /// <returns>Bytes available for recordings.</returns>
    long ReadAvailableBytes();

    /// <summary>Opens a new recording.</summary>
    /// <param name="startMonotonicMilliseconds">The timestamp of the oldest frame the recording keeps (the first
    /// pre-record frame; the press time when the pre-record is empty or off): file 0's header start-monotonic.</param>
    /// <param name="pressMonotonicMilliseconds">The monotonic time of the press that started the recording (written
    /// in file 0's signed open record; never before <paramref name="startMonotonicMilliseconds"/>).</param>
    /// <param name="unixMilliseconds">The UTC time of the press; meaningless when the clock is not set.</param>
    /// <param name="clockSet">Whether the real-time clock was set (else the times are marked unsynchronised).</param>
    /// <returns>The recording's identifier (its base file name).</returns>
    string Begin(long startMonotonicMilliseconds, long pressMonotonicMilliseconds, long unixMilliseconds, bool clockSet);

    /// <summary>Adds a frame. The data is copied or sealed before the call returns.</summary>
    /// <param name="kind">Video or audio.</param>
    /// <param name="keyFrame">Whether the frame decodes on its own.</param>
    /// <param name="timestampMilliseconds">The frame's capture time on the monotonic clock.</param>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Length.</param>
    void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count);

    /// <summary>Adds a marker (the wearer's single press while recording).</summary>
    /// <param name="timestampMilliseconds">The monotonic time of the press.</param>
    void AddMarker(long timestampMilliseconds);

    /// <summary>Seals the last segment, signs the close and erases the recording's keys.</summary>
    /// <param name="monotonicMilliseconds">The monotonic time of the stop.</param>
    void End(long monotonicMilliseconds);
}
