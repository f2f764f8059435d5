using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Dock;

namespace Bodycam.Testing.Dock;

/// <summary>
/// Recording files on a <see cref="SimulatedStorage"/>: names ending ".bcr"; the recording id is the name up to the
/// first '.', so "rec-0001.bcr" and "rec-0001.1.bcr" form one recording.
/// </summary>
public sealed class StorageRecordings(SimulatedStorage storage) : IDockRecordings
{
    private readonly List<string> _names = [];

    public HashSet<string> Open { get; } = new(StringComparer.Ordinal);

    public int Count => _names.Count;

    public int Refreshes { get; private set; }

    public void Refresh() => Refreshes++;

    public void Add(string name, byte[] content)
    {
        storage.WriteAllBytes(name, content);
        _names.Add(name);
    }

    public string GetName(int index) => _names[index];

    public string GetRecordingId(string name) => name[..name.IndexOf('.')];

    public long GetLength(string name) => storage.GetLength(name);

    public bool IsOpen(string name) => Open.Contains(name);

    public int Read(string name, long position, byte[] buffer, int offset, int count) => storage.Read(name, position, buffer, offset, count);

    public void DeleteOffloaded(string name)
    {
        storage.Delete(name);
        _names.Remove(name);
    }

    public bool Contains(string name) => _names.Contains(name);

    public IReadOnlyList<string> Names => _names.ToList();
}
