using System;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// Finds frames in a byte stream that may be cut anywhere, carry garbage between frames, or lose bytes
/// (docs/dock-protocol.md, "Framing" and "Robustness"). One fixed buffer sized for the largest accepted frame; no
/// allocation per byte or frame. After any failure (bad CRC, oversize, unknown version) it drops one byte and scans
/// the bytes it holds for the next magic, so a good frame that followed garbage is still found.
/// </summary>
public sealed class DockFrameParser
{
    private readonly IDockFrameHandler _handler;
    private readonly byte[] _buffer;
    private readonly int _maxPayload;
    private readonly long _frameTimeoutMilliseconds;
    private int _count;
    private long _lastByteMilliseconds;

    /// <summary>Initializes a new instance of the <see cref="DockFrameParser"/> class.</summary>
    /// <param name="handler">Receives frames and rejected headers.</param>
    /// <param name="maxPayload">Largest accepted payload (at most <see cref="DockProtocol.AbsoluteMaxPayload"/>).</param>
    /// <param name="frameTimeoutMilliseconds">A partial frame older than this is dropped when more bytes come.</param>
    public DockFrameParser(IDockFrameHandler handler, int maxPayload, long frameTimeoutMilliseconds)
    {
        if (maxPayload < 64 || maxPayload > DockProtocol.AbsoluteMaxPayload)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPayload));
        }

        _handler = handler;
        _maxPayload = maxPayload;
        _frameTimeoutMilliseconds = frameTimeoutMilliseconds;
        _buffer = new byte[DockProtocol.HeaderSize + maxPayload + DockProtocol.TrailerSize];
    }

    /// <summary>Gets the number of frames dropped for a bad CRC.</summary>
    public int BadCrcCount { get; private set; }

    /// <summary>Gets the number of bytes skipped while looking for a magic.</summary>
    public long SkippedByteCount { get; private set; }

    /// <summary>Gets the number of partial frames dropped because the rest did not come in time.</summary>
    public int TimeoutCount { get; private set; }

    /// <summary>Gets the number of bytes held (an unfinished frame).</summary>
    public int PendingByteCount => _count;

    /// <summary>Feeds received bytes; complete frames go to the handler before this returns.</summary>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <param name="nowMilliseconds">The monotonic time of arrival.</param>
    public void Feed(byte[] data, int offset, int count, long nowMilliseconds)
    {
        Expire(nowMilliseconds);
        if (count > 0)
        {
            _lastByteMilliseconds = nowMilliseconds;
        }

        while (count > 0)
        {
            int room = _buffer.Length - _count;
            int take = count < room ? count : room;
            Array.Copy(data, offset, _buffer, _count, take);
            _count += take;
            offset += take;
            count -= take;
            Process();
        }
    }

    /// <summary>Gives up a partial frame that has waited longer than the frame timeout and rescans what is held.</summary>
    /// <param name="nowMilliseconds">The monotonic time.</param>
    public void Expire(long nowMilliseconds)
    {
        if (_count > 0 && nowMilliseconds - _lastByteMilliseconds > _frameTimeoutMilliseconds)
        {
            // The frame in front will not complete; complete frames held behind it (swallowed by a false length
            // field in garbage) are still found by rescanning from the next byte.
            TimeoutCount++;
            Resync();
            Process();
        }
    }

    /// <summary>Forgets any partial frame (the link was reset).</summary>
    public void Clear()
    {
        _count = 0;
    }

    private void Process()
    {
        while (true)
        {
            int start = FindMagic();
            if (start > 0)
            {
                Consume(start);
                SkippedByteCount += start;
            }

            if (_count < DockProtocol.HeaderSize)
            {
                return;
            }

            int type = _buffer[5];
            int requestId = LittleEndian.ReadUInt16(_buffer, 6);
            uint length = LittleEndian.ReadUInt32(_buffer, 8);
            if (_buffer[4] != DockProtocol.FrameVersion)
            {
                Resync();
                _handler.OnRejectedHeader(type, requestId, DockError.UnsupportedVersion);
                continue;
            }

            if (length > (uint)_maxPayload)
            {
                Resync();
                _handler.OnRejectedHeader(type, requestId, DockError.FrameTooLarge);
                continue;
            }

            int frameLength = DockProtocol.HeaderSize + (int)length + DockProtocol.TrailerSize;
            if (_count < frameLength)
            {
                return;
            }

            // The CRC covers version, type, request id, length and payload (not the magic).
            uint expected = LittleEndian.ReadUInt32(_buffer, frameLength - DockProtocol.TrailerSize);
            uint actual = Crc32.Compute(_buffer, 4, frameLength - 4 - DockProtocol.TrailerSize);
            if (expected != actual)
            {
                BadCrcCount++;
                Resync();
                continue;
            }

            _handler.OnFrame(type, requestId, _buffer, DockProtocol.HeaderSize, (int)length);
            Consume(frameLength);
        }
    }

    // Index of the first full magic, or of a magic prefix at the very end, or _count when there is none.
    private int FindMagic()
    {
        int i = 0;
        while (i < _count)
        {
            if (_buffer[i] == DockProtocol.Magic0
                && (i + 1 >= _count || _buffer[i + 1] == DockProtocol.Magic1)
                && (i + 2 >= _count || _buffer[i + 2] == DockProtocol.Magic2)
                && (i + 3 >= _count || _buffer[i + 3] == DockProtocol.Magic3))
            {
                return i;
            }

            i++;
        }

        return _count;
    }

    private void Resync()
    {
        Consume(1);
        SkippedByteCount++;
    }

    private void Consume(int bytes)
    {
        if (bytes >= _count)
        {
            _count = 0;
            return;
        }

        Array.Copy(_buffer, bytes, _buffer, 0, _count - bytes);
        _count -= bytes;
    }
}
