using System;
using System.Buffers.Binary;
using Bodycam.Emulator.Board.Imaging;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The emulated image sensor and encoder. The board asks it for the frame due at a time; it fills one preallocated
/// buffer, so long runs allocate nothing per frame. In JPEG mode every frame is a decodable test pattern with the
/// device id and simulated time burned in; in GOP mode frames are seeded random bytes sized to the bitrate, with a key
/// frame every <see cref="CameraSettings.Gop"/> frames and a 24-byte header (magic "BCGF", frame number, time, key flag).
/// <see cref="RequestKeyFrame"/> is honoured as an encoder honours an IDR request: in GOP mode the next frame is a key
/// frame and the group of pictures restarts there.
/// </summary>
public sealed class SimulatedCamera : ICamera
{
    /// <summary>The magic at the start of a GOP-mode frame.</summary>
    public static readonly byte[] GopMagic = { (byte)'B', (byte)'C', (byte)'G', (byte)'F' };

    private const int GopHeaderBytes = 24;
    private readonly SeededGenerator _random;
    private readonly TestPatternFrame? _pattern;
    private readonly byte[] _buffer;
    private readonly int _deltaBytes;
    private readonly int _keyBytes;
    private long _frameNumber;
    private long _framesSinceKey = -1;
    private bool _keyFrameRequested;

    /// <summary>Creates a camera.</summary>
    /// <param name="settings">Mode, size, rate.</param>
    /// <param name="deviceId">The id burned into JPEG frames.</param>
    /// <param name="random">Seeded source for GOP content and size jitter.</param>
    public SimulatedCamera(CameraSettings settings, string deviceId, SeededGenerator random)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        DeviceId = deviceId ?? throw new ArgumentNullException(nameof(deviceId));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        if (settings.FramesPerSecond < 1 || settings.FramesPerSecond > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "The frame rate is 1..120 frames per second.");
        }

        if (settings.Mode == CameraMode.Jpeg)
        {
            _pattern = new TestPatternFrame(settings.Width, settings.Height, settings.JpegQuality);
            _buffer = new byte[_pattern.MaxFrameBytes];
        }
        else
        {
            if (settings.Gop < 1 || settings.BitsPerSecond < 8 * GopHeaderBytes * settings.FramesPerSecond)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "GOP mode needs gop >= 1 and a bitrate of at least a header per frame.");
            }

            // One key frame is worth four delta frames; a group then averages the target bitrate.
            long groupBytes = settings.BitsPerSecond / 8 * settings.Gop / settings.FramesPerSecond;
            _deltaBytes = (int)Math.Max(GopHeaderBytes, groupBytes / (settings.Gop + 3));
            _keyBytes = settings.Gop == 1 ? (int)Math.Max(GopHeaderBytes, groupBytes) : _deltaBytes * 4;
            _buffer = new byte[(_keyBytes * 11 / 10) + GopHeaderBytes];
            _random.Fill(_buffer);
        }
    }

    /// <summary>What the camera produces.</summary>
    public CameraSettings Settings { get; }

    /// <summary>The id burned into JPEG frames.</summary>
    public string DeviceId { get; }

    /// <summary>Whether the firmware has started the camera.</summary>
    public bool Running { get; private set; }

    /// <summary>The frame buffer <see cref="Capture"/> fills (the frame is at offset 0).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Frames captured since the last reset.</summary>
    public long FramesCaptured => _frameNumber;

    /// <summary>Key frames requested by the firmware since the last reset.</summary>
    public long KeyFrameRequests { get; private set; }

    /// <inheritdoc />
    public void Start()
    {
        Running = true;
    }

    /// <inheritdoc />
    public void Stop()
    {
        Running = false;
    }

    /// <inheritdoc />
    public void RequestKeyFrame()
    {
        KeyFrameRequests++;
        _keyFrameRequested = true;
    }

    /// <summary>The timestamp of frame <paramref name="index"/> after a start at <paramref name="startMilliseconds"/>.</summary>
    /// <param name="startMilliseconds">When the stream started.</param>
    /// <param name="index">The frame index.</param>
    /// <returns>The frame's time in milliseconds (integer, no drift over long runs).</returns>
    public long FrameTime(long startMilliseconds, long index)
    {
        return startMilliseconds + (index * 1000 / Settings.FramesPerSecond);
    }

    /// <summary>Produces the next frame into <see cref="Buffer"/>.</summary>
    /// <param name="timestampMilliseconds">The frame's simulated time.</param>
    /// <param name="keyFrame">Whether a decoder can start at this frame.</param>
    /// <returns>The frame's length.</returns>
    public int Capture(long timestampMilliseconds, out bool keyFrame)
    {
        long number = _frameNumber++;
        if (_pattern != null)
        {
            // Every JPEG frame is a key frame: a request has nothing to do.
            _keyFrameRequested = false;
            keyFrame = true;
            return _pattern.Render(DeviceId + " " + FormatTime(timestampMilliseconds), _buffer);
        }

        _framesSinceKey++;
        if (_keyFrameRequested || _framesSinceKey >= Settings.Gop)
        {
            _framesSinceKey = 0;
            _keyFrameRequested = false;
        }

        keyFrame = _framesSinceKey == 0;
        int nominal = keyFrame ? _keyBytes : _deltaBytes;
        int jitter = nominal / 20;
        int length = nominal - jitter + (jitter == 0 ? 0 : _random.Next(2 * jitter));
        GopMagic.CopyTo(_buffer, 0);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(4), number);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(12), timestampMilliseconds);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(20), keyFrame ? 1 : 0);
        return Math.Max(GopHeaderBytes, length);
    }

    /// <summary>Stops the camera and restarts its frame sequence.</summary>
    public void Reset()
    {
        Running = false;
        _frameNumber = 0;
        _framesSinceKey = -1;
        _keyFrameRequested = false;
        KeyFrameRequests = 0;
    }

    /// <summary>Formats simulated time as <c>HH:MM:SS.mmm</c> (hours roll past 24).</summary>
    /// <param name="milliseconds">The time.</param>
    /// <returns>The text.</returns>
    public static string FormatTime(long milliseconds)
    {
        long h = milliseconds / 3_600_000;
        long m = milliseconds / 60_000 % 60;
        long s = milliseconds / 1000 % 60;
        long ms = milliseconds % 1000;
        return h.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":" + m.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":"
            + s.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "." + ms.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
