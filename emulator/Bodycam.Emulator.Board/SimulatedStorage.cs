using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The device's storage in memory, optionally mirrored to a directory, with fault injection: a capacity (so it fills),
/// injected errors, and power cuts after a number of operations or at a time. A write is durable only once flushed;
/// at a power cut unflushed bytes are dropped, torn (a prefix lands) or kept, per <see cref="TornWrites"/>.
/// While the power is off every operation throws <see cref="StorageException"/> with
/// <see cref="StorageError.PowerLost"/>; <see cref="Reset"/> powers it back on, keeping what was durable.
/// </summary>
public sealed class SimulatedStorage : IFileStorage
{
    private readonly Dictionary<string, SimFile> _files = new(StringComparer.Ordinal);
    private readonly string? _directory;
    private readonly IClock? _clock;
    private readonly SimulatedRandom _tearRandom;
    private int _cutAfterOperations = -1;
    private int _cutAtOperation = -1;
    private long _cutAtMilliseconds = -1;
    private int _failAfterOperations = -1;
    private StorageError _failError;

    /// <summary>Initializes a new instance of the <see cref="SimulatedStorage"/> class held in memory.</summary>
    /// <param name="capacityBytes">The volume's capacity.</param>
    /// <param name="clock">The clock for <see cref="CutPowerAt"/> (optional).</param>
    /// <param name="seed">Seed of the random source that picks torn-write lengths.</param>
    public SimulatedStorage(long capacityBytes, IClock? clock = null, long seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        CapacityBytes = capacityBytes;
        _clock = clock;
        _tearRandom = new SimulatedRandom(seed);
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SimulatedStorage"/> class mirrored to a directory: files already
    /// there are loaded as durable; flushed data, truncations and deletions are written through.
    /// </summary>
    /// <param name="directory">The directory (created when missing).</param>
    /// <param name="capacityBytes">The volume's capacity.</param>
    /// <param name="clock">The clock for <see cref="CutPowerAt"/> (optional).</param>
    /// <param name="seed">Seed of the random source that picks torn-write lengths.</param>
    public SimulatedStorage(string directory, long capacityBytes, IClock? clock = null, long seed = 1)
        : this(capacityBytes, clock, seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        Directory.CreateDirectory(directory);
        foreach (string path in Directory.GetFiles(directory))
        {
            var file = new SimFile();
            byte[] bytes = File.ReadAllBytes(path);
            file.Data.Append(bytes, 0, bytes.Length);
            file.DurableLength = bytes.Length;
            file.MirroredLength = bytes.Length;
            _files[Path.GetFileName(path)] = file;
        }
    }

    /// <summary>Gets or sets the capacity of the volume in bytes.</summary>
    public long CapacityBytes { get; set; }

    /// <summary>Gets or sets what a power cut does to unflushed data.</summary>
    public TornWriteMode TornWrites { get; set; } = TornWriteMode.DropUnsynced;

    /// <summary>Gets a value indicating whether the storage has power.</summary>
    public bool IsPowered { get; private set; } = true;

    /// <summary>Gets the number of operations that failed with an error injected by <see cref="FailWritesAfter"/>.</summary>
    public int InjectedFailures { get; private set; }

    /// <summary>Gets the error of the last injected failure (meaningful when <see cref="InjectedFailures"/> is not 0).</summary>
    public StorageError LastInjectedError { get; private set; }

    /// <summary>Gets the number of mutating operations (create, append, flush, truncate, delete) that succeeded.</summary>
    public int OperationCount { get; private set; }

    /// <summary>Cuts the power when <paramref name="operations"/> more mutating operations have succeeded.</summary>
    /// <param name="operations">Operations allowed before the cut (0: the next one fails).</param>
    public void CutPowerAfter(int operations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operations);
        _cutAfterOperations = OperationCount + operations;
    }

    /// <summary>
    /// Cuts the power when <see cref="OperationCount"/> reaches <paramref name="operationCount"/> (the next mutating
    /// operation fails). Unlike <see cref="CutPowerAfter"/> the cut stays armed across <see cref="Reset"/>, so it can
    /// land in a later boot (a sweep places it by the count of a whole uncut run); it disarms when it fires.
    /// </summary>
    /// <param name="operationCount">The count at which the power goes.</param>
    public void CutPowerAtOperation(int operationCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operationCount);
        _cutAtOperation = operationCount;
    }

    /// <summary>Raised when a file is about to be deleted, while its bytes can still be read (sweeps keep a copy).</summary>
    public event EventHandler<string>? Deleting;

    /// <summary>Raised after each mutating operation that succeeded (sweeps record which file each operation touched).</summary>
    public event EventHandler<StorageOperation>? OperationCompleted;

    /// <summary>Cuts the power at the first operation on or after a time on the clock given at construction.</summary>
    /// <param name="monotonicMilliseconds">The time of the cut.</param>
    public void CutPowerAt(long monotonicMilliseconds)
    {
        if (_clock is null)
        {
            throw new InvalidOperationException("A power cut at a time needs the clock given at construction.");
        }

        _cutAtMilliseconds = monotonicMilliseconds;
    }

    /// <summary>Cuts the power now.</summary>
    public void CutPower()
    {
        if (!IsPowered)
        {
            return;
        }

        IsPowered = false;
        foreach (KeyValuePair<string, SimFile> entry in _files)
        {
            SimFile file = entry.Value;
            int unsynced = file.Data.Count - file.DurableLength;
            if (unsynced <= 0)
            {
                continue;
            }

            int keep = TornWrites switch
            {
                TornWriteMode.KeepUnsynced => unsynced,
                TornWriteMode.TearUnsynced => PickTear(unsynced),
                _ => 0,
            };
            file.Data.SetLength(file.DurableLength + keep);
            file.DurableLength = file.Data.Count;
            Mirror(entry.Key, file);
        }
    }

    /// <summary>Makes every mutating operation fail with an error once <paramref name="operations"/> more succeeded.</summary>
    /// <param name="error">The error to report (not <see cref="StorageError.PowerLost"/>: use the power-cut methods).</param>
    /// <param name="operations">Operations allowed before the failures start.</param>
    public void FailWritesAfter(StorageError error, int operations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operations);
        _failError = error;
        _failAfterOperations = OperationCount + operations;
    }

    /// <summary>
    /// Power-on state after a reboot: a pending power cut happens now (unflushed data handled per
    /// <see cref="TornWrites"/>), power returns, injected faults are cleared; durable files stay.
    /// </summary>
    public void Reset()
    {
        CutPower();
        IsPowered = true;
        _cutAfterOperations = -1;
        _cutAtMilliseconds = -1;
        _failAfterOperations = -1;
    }

    /// <summary>Erases every file (a freshly formatted card) and powers on.</summary>
    public void Format()
    {
        foreach (string name in _files.Keys.ToArray())
        {
            _files.Remove(name);
            if (_directory is not null)
            {
                File.Delete(Path.Combine(_directory, name));
            }
        }

        IsPowered = true;
    }

    /// <summary>Reads a copy of a file's current bytes (what a read would see).</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The bytes.</returns>
    public byte[] ReadAllBytes(string name) => Get(name).Data.ToArray(0, Get(name).Data.Count);

    /// <summary>Replaces a file's bytes, durable (tests use it to tamper with a recording on the card).</summary>
    /// <param name="name">The file name.</param>
    /// <param name="bytes">The new content.</param>
    public void WriteAllBytes(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!_files.TryGetValue(name, out SimFile? file))
        {
            file = new SimFile();
            _files[name] = file;
        }

        file.Data.SetLength(0);
        file.Data.Append(bytes, 0, bytes.Length);
        file.DurableLength = bytes.Length;
        file.MirroredLength = -1;
        Mirror(name, file);
    }

    /// <inheritdoc/>
    public string[] List()
    {
        CheckPower();
        return _files.Keys.ToArray();
    }

    /// <inheritdoc/>
    public bool Exists(string name)
    {
        CheckPower();
        return _files.ContainsKey(name);
    }

    /// <inheritdoc/>
    public void Create(string name)
    {
        BeginMutation();
        if (_files.ContainsKey(name))
        {
            throw new StorageException(StorageError.AlreadyExists, "The file already exists.");
        }

        // File creation is a directory update; it is treated as durable on return (FAT writes the entry at once).
        var file = new SimFile();
        _files[name] = file;
        Mirror(name, file);
        Completed(StorageOperationKind.Create, name, 0);
    }

    /// <inheritdoc/>
    public void Append(string name, byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        bool failing = _failAfterOperations >= 0 && OperationCount >= _failAfterOperations;
        if (CutIsDue() && TornWrites != TornWriteMode.DropUnsynced && count > 0 && !failing
            && _files.TryGetValue(name, out SimFile? inFlight) && UsedBytes() + count <= CapacityBytes)
        {
            // The write in flight at the cut joins the file's unflushed tail; the cut below then keeps all of that
            // tail or a prefix of it, so what lands is always contiguous (a card writes a file's sectors in order).
            // Once the power is off, nothing more lands; a card that refuses writes lands none either.
            inFlight.Data.Append(buffer, offset, count);
        }

        BeginMutation();
        SimFile file = Get(name);
        if (UsedBytes() + count > CapacityBytes)
        {
            throw new StorageException(StorageError.Full, "The volume is full.");
        }

        file.Data.Append(buffer, offset, count);
        Completed(StorageOperationKind.Append, name, file.Data.Count);
    }

    /// <inheritdoc/>
    public void Flush(string name)
    {
        BeginMutation();
        SimFile file = Get(name);
        file.DurableLength = file.Data.Count;
        Mirror(name, file);
        Completed(StorageOperationKind.Flush, name, file.Data.Count);
    }

    /// <inheritdoc/>
    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        CheckPower();
        SimFile file = Get(name);
        if (position >= file.Data.Count)
        {
            return 0;
        }

        int n = (int)Math.Min(count, file.Data.Count - position);
        file.Data.CopyTo((int)position, buffer, offset, n);
        return n;
    }

    /// <inheritdoc/>
    public long GetLength(string name)
    {
        CheckPower();
        return Get(name).Data.Count;
    }

    /// <inheritdoc/>
    public void Truncate(string name, long length)
    {
        BeginMutation();
        SimFile file = Get(name);
        if (length < 0 || length > file.Data.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        file.Data.SetLength((int)length);
        file.DurableLength = file.Data.Count;
        file.MirroredLength = -1;
        Mirror(name, file);
        Completed(StorageOperationKind.Truncate, name, file.Data.Count);
    }

    /// <inheritdoc/>
    public void Delete(string name)
    {
        BeginMutation();
        Get(name);
        Deleting?.Invoke(this, name);
        _files.Remove(name);
        if (_directory is not null)
        {
            File.Delete(Path.Combine(_directory, name));
        }

        Completed(StorageOperationKind.Delete, name, 0);
    }

    /// <inheritdoc/>
    public long ReadFreeBytes()
    {
        CheckPower();
        return Math.Max(0, CapacityBytes - UsedBytes());
    }

    /// <inheritdoc/>
    public long ReadCapacityBytes()
    {
        CheckPower();
        return CapacityBytes;
    }

    private long UsedBytes()
    {
        long used = 0;
        foreach (SimFile file in _files.Values)
        {
            used += file.Data.Count;
        }

        return used;
    }

    private SimFile Get(string name)
    {
        if (!_files.TryGetValue(name, out SimFile? file))
        {
            throw new StorageException(StorageError.NotFound, "The file does not exist.");
        }

        return file;
    }

    private void CheckPower()
    {
        if (IsPowered && _cutAtMilliseconds >= 0 && _clock is not null && _clock.ReadMilliseconds() >= _cutAtMilliseconds)
        {
            CutPower();
        }

        if (!IsPowered)
        {
            throw new StorageException(StorageError.PowerLost, "The storage lost power.");
        }
    }

    private bool CutIsDue()
    {
        return IsPowered
            && ((_cutAfterOperations >= 0 && OperationCount >= _cutAfterOperations)
                || (_cutAtOperation >= 0 && OperationCount >= _cutAtOperation)
                || (_cutAtMilliseconds >= 0 && _clock is not null && _clock.ReadMilliseconds() >= _cutAtMilliseconds));
    }

    private void Completed(StorageOperationKind kind, string name, long length)
    {
        OperationCount++;
        OperationCompleted?.Invoke(this, new StorageOperation(OperationCount, kind, name, length));
    }

    private void BeginMutation()
    {
        if (CutIsDue())
        {
            if (_cutAtOperation >= 0 && OperationCount >= _cutAtOperation)
            {
                _cutAtOperation = -1;
            }

            CutPower();
        }

        CheckPower();
        if (_failAfterOperations >= 0 && OperationCount >= _failAfterOperations)
        {
            InjectedFailures++;
            LastInjectedError = _failError;
            throw new StorageException(_failError, "Injected storage fault.");
        }
    }

    private int PickTear(int count)
    {
        byte[] r = new byte[4];
        _tearRandom.Fill(r, 0, 4);
        return (int)(BitConverter.ToUInt32(r, 0) % (uint)(count + 1));
    }

    private void Mirror(string name, SimFile file)
    {
        if (_directory is null)
        {
            return;
        }

        // Only durable bytes reach the directory, so a crash of the emulator itself behaves like a power cut.
        // Growth is appended; anything else (a truncation) rewrites the file.
        string path = Path.Combine(_directory, name);
        if (file.MirroredLength >= 0 && file.DurableLength >= file.MirroredLength && File.Exists(path))
        {
            using var append = new FileStream(path, FileMode.Append, FileAccess.Write);
            append.Write(file.Data.ToArray(file.MirroredLength, file.DurableLength - file.MirroredLength));
        }
        else
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            stream.Write(file.Data.ToArray(0, file.DurableLength));
        }

        file.MirroredLength = file.DurableLength;
    }

    private sealed class SimFile
    {
        public ChunkedBytes Data { get; } = new();

        public int DurableLength { get; set; }

        public int MirroredLength { get; set; } = -1;
    }

    /// <summary>
    /// File bytes in fixed 64 KiB blocks, like a card's allocation units: appends never copy what is stored, and a
    /// block stays below the runtime's large-object threshold (85 000 bytes), so filling the card costs cheap
    /// young-generation allocations instead of large-object allocations that each push towards a full collection.
    /// </summary>
    private sealed class ChunkedBytes
    {
        private const int BlockShift = 16;
        private const int BlockSize = 1 << BlockShift;
        private const int BlockMask = BlockSize - 1;
        private readonly List<byte[]> _blocks = new();

        public int Count { get; private set; }

        public void Append(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int block = Count >> BlockShift;
                if (block == _blocks.Count)
                {
                    _blocks.Add(GC.AllocateUninitializedArray<byte>(BlockSize));
                }

                int at = Count & BlockMask;
                int n = Math.Min(count, BlockSize - at);
                Buffer.BlockCopy(buffer, offset, _blocks[block], at, n);
                Count += n;
                offset += n;
                count -= n;
            }
        }

        public void CopyTo(int position, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int at = position & BlockMask;
                int n = Math.Min(count, BlockSize - at);
                Buffer.BlockCopy(_blocks[position >> BlockShift], at, buffer, offset, n);
                position += n;
                offset += n;
                count -= n;
            }
        }

        public byte[] ToArray(int position, int count)
        {
            byte[] result = new byte[count];
            CopyTo(position, result, 0, count);
            return result;
        }

        public void SetLength(int length)
        {
            if (length > Count)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            Count = length;

            // Keep the blocks that hold bytes below the new length; drop the rest.
            int keep = (length + BlockMask) >> BlockShift;
            _blocks.RemoveRange(keep, _blocks.Count - keep);
        }
    }
}
