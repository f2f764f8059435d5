using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// Where a download's bytes go: each range answer is copied once into memory (where the file is verified and hashed
/// when complete, so it is never read back) and written through to the ".part" file on disk (so a dropped link
/// resumes from what is stored). Write-only; <see cref="Length"/> is the count of bytes held.
/// </summary>
internal sealed class ReceivingFile : Stream
{
    private readonly FileStream _file;
    private byte[] _bytes;
    private int _length;

    /// <summary>Initializes a new instance of the <see cref="ReceivingFile"/> class.</summary>
    /// <param name="bytes">The memory for the file, holding <paramref name="have"/> bytes already on disk.</param>
    /// <param name="have">The bytes already held (a resumed ".part").</param>
    /// <param name="file">The ".part" file, positioned at <paramref name="have"/>.</param>
    public ReceivingFile(byte[] bytes, int have, FileStream file)
    {
        _bytes = bytes;
        _length = have;
        _file = file;
    }

    /// <summary>Gets the memory holding the file (larger than <see cref="Length"/> until the file is complete).</summary>
    public byte[] Buffer => _bytes;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => _length;

    /// <inheritdoc/>
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > _bytes.Length - _length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_bytes.AsSpan(_length));
        _file.Write(buffer);
        _length += buffer.Length;
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // The disk write is a copy into the page cache; doing it on the receiving thread costs less than a hand-over.
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override void Flush() => _file.Flush();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    // The device said the file is longer than its listing did (it was still growing): make room, within what one
    // array (and the reader, which addresses a file with int offsets) can hold.
    private void Grow(int more)
    {
        long needed = (long)_length + more;
        if (needed > Array.MaxLength)
        {
            throw new OffloadException(OffloadError.FileTooLarge, _file.Name, $"The device sent more than {Array.MaxLength} bytes for {Path.GetFileName(_file.Name)}; the host verifies a file in memory and cannot hold it.");
        }

        Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _bytes.Length)));
    }
}
