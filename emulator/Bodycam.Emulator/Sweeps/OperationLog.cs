using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// The mutating storage operations of one run, in order: which file each touched and its length after, so a sweep
/// knows for any cut point which files were finished, which were open and how many of their bytes were durable.
/// </summary>
public sealed class OperationLog
{
    private readonly List<StorageOperation> _operations = new();
    private readonly List<long> _usedAfter = new();
    private readonly Dictionary<string, long> _lengths = new(StringComparer.Ordinal);
    private long _used;

    /// <summary>Gets the operations, oldest first.</summary>
    public IReadOnlyList<StorageOperation> Operations => _operations;

    /// <summary>Gets the number of the first operation logged (0 when none).</summary>
    public int First => _operations.Count == 0 ? 0 : _operations[0].Number;

    /// <summary>Gets the number of the last operation logged (0 when none).</summary>
    public int Last => _operations.Count == 0 ? 0 : _operations[^1].Number;

    /// <summary>Logs every operation <paramref name="storage"/> completes from now on.</summary>
    /// <param name="storage">The storage.</param>
    public void Attach(SimulatedStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        storage.OperationCompleted += (_, operation) => Add(operation);
    }

    /// <summary>Logs one operation.</summary>
    /// <param name="operation">The operation.</param>
    public void Add(StorageOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _lengths.TryGetValue(operation.Name, out long before);
        _used += operation.Length - before;
        if (operation.Kind == StorageOperationKind.Delete)
        {
            _lengths.Remove(operation.Name);
        }
        else
        {
            _lengths[operation.Name] = operation.Length;
        }

        _operations.Add(operation);
        _usedAfter.Add(_used);
    }

    /// <summary>The number of the operation that created a file, or <see cref="int.MaxValue"/> when it was not created in this run.</summary>
    /// <param name="name">The file.</param>
    /// <returns>The operation number.</returns>
    public int CreatedAt(string name)
    {
        foreach (StorageOperation operation in _operations)
        {
            if (operation.Kind == StorageOperationKind.Create && operation.Name == name)
            {
                return operation.Number;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The number of the last operation that wrote to a file (anything but its deletion), or 0.</summary>
    /// <param name="name">The file.</param>
    /// <returns>The operation number.</returns>
    public int LastOperationOn(string name)
    {
        for (int i = _operations.Count - 1; i >= 0; i--)
        {
            if (_operations[i].Name == name && _operations[i].Kind != StorageOperationKind.Delete)
            {
                return _operations[i].Number;
            }
        }

        return 0;
    }

    /// <summary>The number of the operation that deleted a file, or <see cref="int.MaxValue"/> when it was not deleted.</summary>
    /// <param name="name">The file.</param>
    /// <returns>The operation number.</returns>
    public int DeletedAt(string name)
    {
        foreach (StorageOperation operation in _operations)
        {
            if (operation.Kind == StorageOperationKind.Delete && operation.Name == name)
            {
                return operation.Number;
            }
        }

        return int.MaxValue;
    }

    /// <summary>How many bytes of a file were durable before operation <paramref name="cut"/> (created, flushed or truncated), or 0.</summary>
    /// <param name="name">The file.</param>
    /// <param name="cut">The operation the power failed in.</param>
    /// <returns>The durable length.</returns>
    public long DurableLengthBefore(string name, int cut)
    {
        long durable = 0;
        foreach (StorageOperation operation in _operations)
        {
            if (operation.Number >= cut)
            {
                break;
            }

            if (operation.Name == name && operation.Kind != StorageOperationKind.Append)
            {
                durable = operation.Length;
            }
        }

        return durable;
    }

    /// <summary>A file's length before operation <paramref name="cut"/>, durable or not (what had been written), or 0.</summary>
    /// <param name="name">The file.</param>
    /// <param name="cut">The operation the power failed in.</param>
    /// <returns>The length.</returns>
    public long WrittenLengthBefore(string name, int cut)
    {
        long length = 0;
        foreach (StorageOperation operation in _operations)
        {
            if (operation.Number >= cut)
            {
                break;
            }

            if (operation.Name == name)
            {
                length = operation.Length;
            }
        }

        return length;
    }

    /// <summary>The bytes all files held before operation <paramref name="number"/> (those written in this run).</summary>
    /// <param name="number">An operation number.</param>
    /// <returns>The bytes in use.</returns>
    public long UsedBytesBefore(int number)
    {
        long used = 0;
        for (int i = 0; i < _operations.Count && _operations[i].Number < number; i++)
        {
            used = _usedAfter[i];
        }

        return used;
    }
}
