using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>
/// A storage volume in RAM with a capacity (nano-safe: files kept in parallel arrays, each file in 64 KiB blocks so
/// no single object outgrows nanoFramework's largest managed object). Its errors are the documented ones of
/// <see cref="IFileStorage"/>: AlreadyExists on create, NotFound on a missing file, Full past the capacity.
/// </summary>
public sealed class MemoryStorage : IFileStorage
{
    private const int MaxFiles = 64;
    private const int BlockBytes = 64 * 1024;

    private readonly string[] _names = new string[MaxFiles];
    private readonly byte[][][] _data = new byte[MaxFiles][][];
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
        _data[_count] = new byte[4][];
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

        int done = 0;
        while (done < count)
        {
            int length = _lengths[i];
            int block = length / BlockBytes;
            if (block == _data[i].Length)
            {
                byte[][] grown = new byte[_data[i].Length * 2][];
                Array.Copy(_data[i], grown, _data[i].Length);
                _data[i] = grown;
            }

            if (_data[i][block] == null)
            {
                _data[i][block] = new byte[BlockBytes];
            }

            int at = length % BlockBytes;
            int n = BlockBytes - at < count - done ? BlockBytes - at : count - done;
            Array.Copy(buffer, offset + done, _data[i][block], at, n);
            _lengths[i] = length + n;
            done += n;
        }
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

        int done = 0;
        while (done < n)
        {
            int at = (int)position + done;
            int m = BlockBytes - (at % BlockBytes) < n - done ? BlockBytes - (at % BlockBytes) : n - done;
            Array.Copy(_data[i][at / BlockBytes], at % BlockBytes, buffer, offset + done, m);
            done += m;
        }

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
            for (int at = (int)length; at < _lengths[i]; at++)
            {
                _data[i][at / BlockBytes][at % BlockBytes] = 0;
            }

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
        _data[Require(name)][position / BlockBytes][position % BlockBytes] ^= 0x01;
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
