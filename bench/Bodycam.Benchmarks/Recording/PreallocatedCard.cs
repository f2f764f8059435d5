using System;
using System.Collections.Generic;
using Bodycam.Firmware.Hal;

namespace Bodycam.Benchmarks.Recording;

/// <summary>
/// A card for the recording benchmark that allocates nothing per recording, as a real card does not: its 64 KiB
/// blocks (a card's allocation unit) are allocated once and handed back to a free list when a file is deleted, so a
/// benchmark that deletes each recording reuses the same memory. No fault injection: only what the writer needs.
/// </summary>
public sealed class PreallocatedCard : IFileStorage
{
    private const int BlockSize = 64 * 1024;

    private readonly byte[][] _blocks;
    private readonly Stack<int> _free;
    private readonly Dictionary<string, CardFile> _files = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="PreallocatedCard"/> class.</summary>
    /// <param name="capacityBytes">The card's size (rounded up to whole blocks), allocated now.</param>
    public PreallocatedCard(long capacityBytes)
    {
        int count = (int)((capacityBytes + BlockSize - 1) / BlockSize);
        _blocks = new byte[count][];
        _free = new Stack<int>(count);
        for (int i = count - 1; i >= 0; i--)
        {
            _blocks[i] = new byte[BlockSize];
            _free.Push(i);
        }
    }

    /// <inheritdoc/>
    public string[] List() => [.. _files.Keys];

    /// <inheritdoc/>
    public bool Exists(string name) => _files.ContainsKey(name);

    /// <inheritdoc/>
    public void Create(string name)
    {
        if (_files.TryGetValue(name, out CardFile? file))
        {
            Release(file, 0);
        }
        else
        {
            _files[name] = new CardFile();
        }
    }

    /// <inheritdoc/>
    public void Append(string name, byte[] buffer, int offset, int count)
    {
        CardFile file = _files[name];
        while (count > 0)
        {
            int within = (int)(file.Length % BlockSize);
            if (within == 0)
            {
                if (_free.Count == 0)
                {
                    throw new System.IO.IOException("The card is full.");
                }

                file.Blocks.Add(_free.Pop());
            }

            int n = Math.Min(count, BlockSize - within);
            Buffer.BlockCopy(buffer, offset, _blocks[file.Blocks[^1]], within, n);
            file.Length += n;
            offset += n;
            count -= n;
        }
    }

    /// <inheritdoc/>
    public void Flush(string name)
    {
        // Writes land in the blocks directly: nothing is buffered.
        _ = _files[name];
    }

    /// <inheritdoc/>
    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        CardFile file = _files[name];
        int done = 0;
        while (done < count && position < file.Length)
        {
            int within = (int)(position % BlockSize);
            int n = (int)Math.Min(Math.Min(count - done, BlockSize - within), file.Length - position);
            Buffer.BlockCopy(_blocks[file.Blocks[(int)(position / BlockSize)]], within, buffer, offset + done, n);
            done += n;
            position += n;
        }

        return done;
    }

    /// <inheritdoc/>
    public long GetLength(string name) => _files[name].Length;

    /// <inheritdoc/>
    public void Truncate(string name, long length) => Release(_files[name], length);

    /// <inheritdoc/>
    public void Delete(string name)
    {
        if (_files.Remove(name, out CardFile? file))
        {
            Release(file, 0);
        }
    }

    /// <inheritdoc/>
    public long ReadFreeBytes() => (long)_free.Count * BlockSize;

    /// <inheritdoc/>
    public long ReadCapacityBytes() => (long)_blocks.Length * BlockSize;

    private void Release(CardFile file, long length)
    {
        int keep = (int)((length + BlockSize - 1) / BlockSize);
        for (int i = file.Blocks.Count - 1; i >= keep; i--)
        {
            _free.Push(file.Blocks[i]);
            file.Blocks.RemoveAt(i);
        }

        file.Length = Math.Min(file.Length, length);
    }

    private sealed class CardFile
    {
        public List<int> Blocks { get; } = new();

        public long Length { get; set; }
    }
}
