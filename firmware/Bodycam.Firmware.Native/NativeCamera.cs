using System;
using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Native;

/// <summary>
/// The camera and encoder, which nanoFramework has no driver for: a native component in the firmware image captures
/// the sensor over MIPI-CSI, runs the ISP and the hardware H.264 encoder, and puts each encoded access unit (and each
/// block of PCM audio from the I2S microphone) into a ring in PSRAM (hardware-notes.md, "Video capture and encoding").
/// The board loop copies frames out with <see cref="TryReadFrame"/> into one buffer allocated at construction, so the
/// frame path allocates nothing. When a frame lands, the native side posts a custom event, which the loop waits on.
/// </summary>
/// <remarks>
/// Native status (firmware/native/README.md): the ESP32-P4 capture and encoder component is not written yet, so in the
/// device image every method here throws <see cref="NotSupportedException"/> from the native side. The posix board
/// implements them by replaying a frame file (<c>PosixBoard.OpenCameraReplay</c>), so the device assembly runs on
/// nanoCLR with its real interop; it posts no event there (the loop polls <see cref="TryReadFrame"/>).
/// </remarks>
public sealed class NativeCamera : ICamera
{
    private readonly int[] _header = new int[HeaderLength];

    /// <summary>Initializes a new instance of the <see cref="NativeCamera"/> class and configures the encoder.</summary>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <param name="framesPerSecond">Frame rate.</param>
    /// <param name="bitsPerSecond">Target bitrate of the encoder.</param>
    /// <param name="keyFrameIntervalFrames">Frames per group of pictures (a key frame starts each).</param>
    /// <param name="largestFrameBytes">Size of the copy-out buffer; the native side drops and counts larger frames.</param>
    public NativeCamera(int width, int height, int framesPerSecond, int bitsPerSecond, int keyFrameIntervalFrames, int largestFrameBytes)
    {
        if (width <= 0 || height <= 0 || framesPerSecond <= 0 || bitsPerSecond <= 0 || keyFrameIntervalFrames <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Camera settings must be positive.");
        }

        if (largestFrameBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(largestFrameBytes));
        }

        Buffer = new byte[largestFrameBytes];
        NativeConfigure(width, height, framesPerSecond, bitsPerSecond, keyFrameIntervalFrames);
    }

    /// <summary>Gets the buffer that <see cref="TryReadFrame"/> fills; valid until the next call.</summary>
    public byte[] Buffer { get; }

    /// <summary>Gets the kind of the frame last read.</summary>
    public FrameKind Kind { get; private set; }

    /// <summary>Gets a value indicating whether the frame last read is a key frame (an IDR access unit).</summary>
    public bool IsKeyFrame { get; private set; }

    /// <summary>Gets the length of the frame last read, in bytes, starting at offset 0 of <see cref="Buffer"/>.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the capture time of the frame last read on the monotonic clock, in milliseconds.</summary>
    public long TimestampMilliseconds { get; private set; }

    /// <summary>Gets the number of frames the native ring dropped (full ring or frame too large), since boot.</summary>
    public long DroppedFrameCount => NativeDroppedFrameCount();

    /// <inheritdoc/>
    public void Start()
    {
        NativeStart();
    }

    /// <inheritdoc/>
    public void Stop()
    {
        NativeStop();
    }

    /// <summary>
    /// Asks the encoder for a key frame: the native side forces the next picture to an IDR access unit and restarts
    /// the group of pictures there (hardware-notes.md, "Video capture and encoding"). The posix board's replay holds
    /// frames encoded beforehand, so it accepts the request and keeps the file's cadence.
    /// </summary>
    public void RequestKeyFrame()
    {
        NativeRequestKeyFrame();
    }

    /// <summary>Copies the oldest frame out of the native ring, if there is one.</summary>
    /// <returns>True when a frame was read into <see cref="Buffer"/>.</returns>
    public bool TryReadFrame()
    {
        // The header carries kind, key-frame flag, length and the timestamp split into two 32-bit halves (the
        // native ring stamps frames with the same timer NativeClock reads).
        if (!NativeTryReadFrame(Buffer, _header))
        {
            return false;
        }

        Kind = (FrameKind)_header[0];
        IsKeyFrame = _header[1] != 0;
        Length = _header[2];
        TimestampMilliseconds = ((long)_header[3] << 32) | (uint)_header[4];
        return true;
    }

    private const int HeaderLength = 5;

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeConfigure(int width, int height, int framesPerSecond, int bitsPerSecond, int keyFrameIntervalFrames);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeStart();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeStop();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeRequestKeyFrame();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern bool NativeTryReadFrame(byte[] buffer, int[] header);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern long NativeDroppedFrameCount();
}
