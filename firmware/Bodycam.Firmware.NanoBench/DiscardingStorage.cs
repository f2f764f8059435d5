using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.NanoBench;

/// <summary>
/// A card that keeps file names and lengths but discards the bytes (reads return zeros), so the bench measures the
/// device's heap, not a RAM copy of its recordings. Recovery finds nothing to do on it: the bench never reboots.
/// </summary>
public sealed class DiscardingStorage : IFileStorage
{
    private readonly string[] _names = new string[64];
    private readonly long[] _lengths = new long[64];
    private int _count;

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
            throw new StorageException(StorageError.AlreadyExists, name);
        }

        _names[_count] = name;
        _lengths[_count++] = 0;
    }

    /// <inheritdoc/>
    public void Append(string name, byte[] buffer, int offset, int count)
    {
        _lengths[Require(name)] += count;
    }

    /// <inheritdoc/>
    public void Flush(string name)
    {
        Require(name);
    }

    /// <inheritdoc/>
    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        long left = _lengths[Require(name)] - position;
        int n = left < count ? (int)left : count;
        if (n <= 0)
        {
            return 0;
        }

        Array.Clear(buffer, offset, n);
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
            _lengths[i] = length;
        }
    }

    /// <inheritdoc/>
    public void Delete(string name)
    {
        int i = Require(name);
        _count--;
        _names[i] = _names[_count];
        _lengths[i] = _lengths[_count];
    }

    /// <inheritdoc/>
    public long ReadFreeBytes()
    {
        return 32L * 1024 * 1024 * 1024;
    }

    /// <inheritdoc/>
    public long ReadCapacityBytes()
    {
        return 32L * 1024 * 1024 * 1024;
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
            throw new StorageException(StorageError.NotFound, name);
        }

        return i;
    }
}
