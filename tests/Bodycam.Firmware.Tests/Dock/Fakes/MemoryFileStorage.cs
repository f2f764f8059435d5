using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.Dock.Fakes;

/// <summary>An in-memory volume for dock, audit and provisioning tests.</summary>
public sealed class MemoryFileStorage : IFileStorage
{
    private readonly Dictionary<string, List<byte>> _files = new(StringComparer.Ordinal);

    public MemoryFileStorage(long capacity = 1L << 30)
    {
        Capacity = capacity;
    }

    public long Capacity { get; }

    public IReadOnlyDictionary<string, List<byte>> Files => _files;

    public string[] List() => _files.Keys.ToArray();

    public bool Exists(string name) => _files.ContainsKey(name);

    public void Create(string name)
    {
        if (!_files.TryAdd(name, []))
        {
            throw new StorageException(StorageError.AlreadyExists, "exists: " + name);
        }
    }

    public void Append(string name, byte[] buffer, int offset, int count) => Get(name).AddRange(buffer.AsSpan(offset, count).ToArray());

    public void Flush(string name) => Get(name);

    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        List<byte> file = Get(name);
        int n = (int)Math.Max(0, Math.Min(count, file.Count - position));
        file.CopyTo((int)position, buffer, offset, n);
        return n;
    }

    public long GetLength(string name) => Get(name).Count;

    public void Truncate(string name, long length)
    {
        List<byte> file = Get(name);
        file.RemoveRange((int)length, file.Count - (int)length);
    }

    public void Delete(string name)
    {
        if (!_files.Remove(name))
        {
            throw new StorageException(StorageError.NotFound, "missing: " + name);
        }
    }

    public long ReadFreeBytes() => Capacity - _files.Values.Sum(f => (long)f.Count);

    public long ReadCapacityBytes() => Capacity;

    public void Put(string name, byte[] content)
    {
        _files[name] = [.. content];
    }

    public byte[] Get(string name, bool copy) => [.. Get(name)];

    private List<byte> Get(string name) =>
        _files.TryGetValue(name, out List<byte>? file) ? file : throw new StorageException(StorageError.NotFound, "missing: " + name);
}
