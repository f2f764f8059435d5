using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>
/// A storage volume in RAM with a capacity (nano-safe: files kept in parallel arrays). Its errors are the documented
/// ones of <see cref="IFileStorage"/>: AlreadyExists on create, NotFound on a missing file, Full past the capacity.
/// </summary>
public sealed class MemoryStorage : IFileStorage
{
    private const int MaxFiles = 64;

    private readonly string[] _names = new string[MaxFiles];
    private readonly byte[][] _data = new byte[MaxFiles][];
    private readonly int[] _lengths = new int[MaxFiles];
    private readonly long _capacity;
    private int _count;

    /// <summary>Initializes a new instance of the <see cref="MemoryStorage"/> class.</summary>
    /// <param name="capacityBytes">The volume's size.</param>
    public MemoryStorage(long capacityBytes)
    {
        _capacity = capacityBytes;
    }

    /// <summary>Gets or sets a value indicating whether every write fails with an I/O error (fault injection).</summary>
    public bool FailWrites { get; set; }

    /// <inheritdoc/>
    public string[] List()
    {
        string[] names = new string[_count];
        Array.Copy(_names, names, _count);
        return names;
    }

    /// <inheritdoc/>
    public bool Exists(string name)
    {
        return IndexOf(name) >= 0;
    }

    /// <inheritdoc/>
    public void Create(string name)
    {
        if (IndexOf(name) >= 0)
        {
            throw new StorageException(StorageError.AlreadyExists, "exists: " + name);
        }

        if (_count == MaxFiles)
        {
            throw new StorageException(StorageError.Full, "too many files");
        }

        _names[_count] = name;
        _data[_count] = new byte[256];
        _lengths[_count] = 0;
        _count++;
    }

    /// <inheritdoc/>
    public void Append(string name, byte[] buffer, int offset, int count)
    {
        int i = Require(name);
        if (FailWrites)
        {
            throw new StorageException(StorageError.IoError, "write failed: " + name);
        }

        if (count > ReadFreeBytes())
        {
            throw new StorageException(StorageError.Full, "full: " + name);
        }

        int needed = _lengths[i] + count;
        if (needed > _data[i].Length)
        {
            int size = _data[i].Length * 2;
            while (size < needed)
            {
                size *= 2;
            }

            byte[] grown = new byte[size];
            Array.Copy(_data[i], grown, _lengths[i]);
            _data[i] = grown;
        }

        Array.Copy(buffer, offset, _data[i], _lengths[i], count);
        _lengths[i] = needed;
    }

    /// <inheritdoc/>
    public void Flush(string name)
    {
        Require(name);
    }

    /// <inheritdoc/>
    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        int i = Require(name);
        long left = _lengths[i] - position;
        int n = left < count ? (int)left : count;
        if (n <= 0)
        {
            return 0;
        }

        Array.Copy(_data[i], (int)position, buffer, offset, n);
        return n;
    }

    /// <inheritdoc/>
    public long GetLength(string name)
    {
        return _lengths[Require(name)];
    }

    /// <inheritdoc/>
    public void Truncate(string name, long length)
    {
        int i = Require(name);
        if (length < _lengths[i])
        {
            Array.Clear(_data[i], (int)length, _lengths[i] - (int)length);
            _lengths[i] = (int)length;
        }
    }

    /// <inheritdoc/>
    public void Delete(string name)
    {
        int i = Require(name);
        _count--;
        _names[i] = _names[_count];
        _data[i] = _data[_count];
        _lengths[i] = _lengths[_count];
        _names[_count] = null!;
        _data[_count] = null!;
    }

    /// <inheritdoc/>
    public long ReadFreeBytes()
    {
        long used = 0;
        for (int i = 0; i < _count; i++)
        {
            used += _lengths[i];
        }

        return _capacity - used;
    }

    /// <inheritdoc/>
    public long ReadCapacityBytes()
    {
        return _capacity;
    }

    /// <summary>Flips one bit of a stored file (tamper injection).</summary>
    /// <param name="name">The file.</param>
    /// <param name="position">The byte.</param>
    public void FlipBit(string name, int position)
    {
        _data[Require(name)][position] ^= 0x01;
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private int Require(string name)
    {
        int i = IndexOf(name);
        if (i < 0)
        {
            throw new StorageException(StorageError.NotFound, "missing: " + name);
        }

        return i;
    }
}
