using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using System.Threading;
using System.Threading.Tasks;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// Reads frames from a stream: skips garbage to the next magic, drops frames with a bad CRC or an impossible
/// length and resynchronises one byte further on (docs/dock-protocol.md, "Robustness").
/// </summary>
public sealed class DockFrameReader
{
    private readonly Stream _stream;
    private readonly int _maxPayload;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    /// <summary>Initializes a new instance of the <see cref="DockFrameReader"/> class.</summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="maxPayload">Largest payload accepted.</param>
    public DockFrameReader(Stream stream, int maxPayload = DockFraming.AbsoluteMaxPayload)
    {
        _stream = stream;
        _maxPayload = maxPayload;
        _buffer = new byte[DockFraming.FrameLength(maxPayload) + 65536];
    }

    /// <summary>Gets the number of frames dropped for a bad CRC.</summary>
    public int BadCrcCount { get; private set; }

    /// <summary>Reads the next good frame.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The frame; its payload is valid until the next call.</returns>
    /// <exception cref="DockConnectionException">The stream ended.</exception>
    public async ValueTask<DockFrame> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTake(out DockFrame frame))
            {
                return frame;
            }

            Compact();
            Append(await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Reads the next good frame with blocking reads on the calling thread. The wait is bounded by the stream's
    /// ReadTimeout (a socket's receive timeout, a serial port's read timeout), which the caller sets.
    /// </summary>
    /// <returns>The frame; its payload is valid until the next call.</returns>
    /// <exception cref="DockConnectionException">The stream ended.</exception>
    public DockFrame Read()
    {
        while (true)
        {
            if (TryTake(out DockFrame frame))
            {
                return frame;
            }

            Compact();
            Append(_stream.Read(_buffer, _end, _buffer.Length - _end));
        }
    }

    /// <summary>Forgets buffered bytes (after a reconnect).</summary>
    public void Clear()
    {
        _start = 0;
        _end = 0;
    }

    private void Compact()
    {
        if (_start > 0 && (_end == _start || _buffer.Length - _end < 65536))
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }

    private void Append(int read)
    {
        if (read == 0)
        {
            throw new DockConnectionException(DockConnectionFailure.Closed, "The device closed the link.");
        }

        _end += read;
    }

    private bool TryTake(out DockFrame frame)
    {
        frame = default;
        while (true)
        {
            int at = _buffer.AsSpan(_start, _end - _start).IndexOf(DockFraming.Magic);
            if (at < 0)
            {
                // Keep a possible magic prefix at the end.
                int keep = Math.Min(3, _end - _start);
                _start = _end - keep;
                return false;
            }

            _start += at;
            if (_end - _start < DockFraming.HeaderSize)
            {
                return false;
            }

            ReadOnlySpan<byte> header = _buffer.AsSpan(_start, DockFraming.HeaderSize);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
            if (header[4] != DockFraming.FrameVersion || length > (uint)_maxPayload)
            {
                _start++;
                continue;
            }

            int total = DockFraming.FrameLength((int)length);
            if (_end - _start < total)
            {
                return false;
            }

            int crcAt = _start + total - DockFraming.TrailerSize;
            uint expected = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(crcAt));
            uint actual = Crc32.HashToUInt32(_buffer.AsSpan(_start + 4, total - 4 - DockFraming.TrailerSize));
            if (expected != actual)
            {
                BadCrcCount++;
                _start++;
                continue;
            }

            frame = new DockFrame(
                header[5],
                BinaryPrimitives.ReadUInt16LittleEndian(header[6..]),
                _buffer.AsMemory(_start + DockFraming.HeaderSize, (int)length));
            _start += total;
            return true;
        }
    }
}
