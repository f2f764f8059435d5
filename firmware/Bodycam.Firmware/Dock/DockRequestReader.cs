namespace Bodycam.Firmware.Dock;

/// <summary>
/// Reads a request's payload in place (docs/dock-protocol.md, "Commands": little-endian integers, <c>str8</c>
/// strings). A read past the end does not throw: it marks the request bad and returns 0, so a handler reads every
/// field first and then asks <see cref="IsComplete"/> once, which is false for a short, long or malformed payload.
/// Nothing is allocated; the payload is valid only during the frame's call.
/// </summary>
public sealed class DockRequestReader
{
    private byte[] _buffer;
    private int _position;
    private int _end;

    /// <summary>Initializes a new instance of the <see cref="DockRequestReader"/> class, over an empty payload.</summary>
    public DockRequestReader()
    {
        _buffer = new byte[0];
    }

    /// <summary>Gets the buffer holding the payload (fields are read from it by the offsets <see cref="Skip"/> returns).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Gets the offset of the next unread byte.</summary>
    public int Position => _position;

    /// <summary>Gets a value indicating whether a read ran past the end or a value was marked bad.</summary>
    public bool IsBad { get; private set; }

    /// <summary>Gets a value indicating whether every byte was read and nothing was bad.</summary>
    public bool IsComplete => !IsBad && _position == _end;

    /// <summary>Starts reading a new payload.</summary>
    /// <param name="buffer">The buffer holding it.</param>
    /// <param name="offset">Its first byte.</param>
    /// <param name="length">Its length.</param>
    public void Reset(byte[] buffer, int offset, int length)
    {
        _buffer = buffer;
        _position = offset;
        _end = offset + length;
        IsBad = false;
    }

    /// <summary>Marks the request bad (a value out of range).</summary>
    public void MarkBad()
    {
        IsBad = true;
    }

    /// <summary>Reads a byte; 0 (and the request bad) past the end.</summary>
    /// <returns>The byte.</returns>
    public int ReadByte()
    {
        if (_end - _position < 1)
        {
            IsBad = true;
            return 0;
        }

        return _buffer[_position++];
    }

    /// <summary>Reads a little-endian uint16; 0 once the request is bad.</summary>
    /// <returns>The value.</returns>
    public int ReadUInt16()
    {
        int at = Skip(2);
        return IsBad ? 0 : LittleEndian.ReadUInt16(_buffer, at);
    }

    /// <summary>Reads a little-endian uint32; 0 once the request is bad.</summary>
    /// <returns>The value.</returns>
    public uint ReadUInt32()
    {
        int at = Skip(4);
        return IsBad ? 0 : LittleEndian.ReadUInt32(_buffer, at);
    }

    /// <summary>Reads a little-endian int64; 0 once the request is bad.</summary>
    /// <returns>The value.</returns>
    public long ReadInt64()
    {
        int at = Skip(8);
        return IsBad ? 0 : LittleEndian.ReadInt64(_buffer, at);
    }

    /// <summary>Steps over a field of <paramref name="count"/> bytes.</summary>
    /// <param name="count">The field's length.</param>
    /// <returns>Where the field starts in <see cref="Buffer"/>; on a short payload the request is marked bad.</returns>
    public int Skip(int count)
    {
        if (count < 0 || _end - _position < count)
        {
            IsBad = true;
            int at = _position;
            _position = _end;
            return at;
        }

        int start = _position;
        _position += count;
        return start;
    }

    /// <summary>Tells whether <paramref name="count"/> bytes at <paramref name="at"/> spell <paramref name="text"/>.</summary>
    /// <param name="at">First byte in <see cref="Buffer"/>.</param>
    /// <param name="count">Number of bytes.</param>
    /// <param name="text">The text to compare with (one byte per character).</param>
    /// <returns>True when equal.</returns>
    public bool Matches(int at, int count, string text)
    {
        if (text.Length != count)
        {
            return false;
        }

        for (int k = 0; k < count; k++)
        {
            if (text[k] != (char)_buffer[at + k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Tells whether <paramref name="count"/> bytes at <paramref name="at"/> are a valid <c>str8</c> body: 1 to
    /// <see cref="DockProtocol.MaxStringLength"/> bytes of printable ASCII (0x20 to 0x7E).
    /// </summary>
    /// <param name="at">First byte in <see cref="Buffer"/>.</param>
    /// <param name="count">Number of bytes.</param>
    /// <returns>True when valid.</returns>
    public bool IsPrintable(int at, int count)
    {
        if (count < 1 || count > DockProtocol.MaxStringLength)
        {
            return false;
        }

        for (int k = 0; k < count; k++)
        {
            int b = _buffer[at + k];
            if (b < 0x20 || b > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
