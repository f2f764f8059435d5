using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// Hashes a file's chain on a worker thread: walks the records by their length fields (the same bounds the reader
/// applies) and publishes each link with the record's extent, stopping at the first record it cannot delimit.
/// The reader takes a link only when its extent matches the record it has checked, so the worker never decides
/// anything; it only saves the reader the hashing.
/// </summary>
internal sealed class ChainHasher : IDisposable
{
    private readonly object _gate = new();
    private readonly List<(int Start, int End, byte[] Hash)> _links = new();
    private readonly Task _task;
    private volatile bool _stop;
    private bool _done;

    public ChainHasher(ReadOnlyMemory<byte> file, int start, byte[] headerHash, long maxSegmentBody)
    {
        byte[] first = (byte[])headerHash.Clone();
        _task = Task.Run(() => Run(file, start, first, maxSegmentBody));
    }

    public bool TryTake(int index, int start, int end, Span<byte> destination)
    {
        (int Start, int End, byte[] Hash) link;
        lock (_gate)
        {
            while (_links.Count <= index && !_done)
            {
                Monitor.Wait(_gate);
            }

            if (_links.Count <= index)
            {
                return false;
            }

            link = _links[index];
        }

        if (link.Start != start || link.End != end)
        {
            return false;
        }

        link.Hash.CopyTo(destination);
        return true;
    }

    public void Dispose()
    {
        _stop = true;
        _task.Wait();
    }

    private void Run(ReadOnlyMemory<byte> file, int pos, byte[] chain, long maxSegmentBody)
    {
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            ReadOnlySpan<byte> f = file.Span;
            while (!_stop && f.Length - pos >= RecordingConstants.RecordHeaderSize)
            {
                long body = BinaryPrimitives.ReadUInt32BigEndian(f[(pos + 1)..]);
                bool lengthOk = f[pos] switch
                {
                    1 => body >= RecordingConstants.SegmentOverhead && body <= maxSegmentBody,
                    2 => body == RecordingConstants.CheckpointBodySize,
                    3 => body == RecordingConstants.CloseBodySize,
                    4 => body == RecordingConstants.RecoveryBodySize,
                    5 => body == RecordingConstants.OpenBodySize,
                    _ => false,
                };
                long end = pos + RecordingConstants.RecordHeaderSize + body;
                if (!lengthOk || end > f.Length)
                {
                    break;
                }

                byte[] link = new byte[RecordingConstants.HashSize];
                hash.AppendData(chain);
                hash.AppendData(f[pos..(int)end]);
                hash.GetHashAndReset(link);
                lock (_gate)
                {
                    _links.Add((pos, (int)end, link));
                    Monitor.PulseAll(_gate);
                }

                chain = link;
                pos = (int)end;
            }
        }
        finally
        {
            lock (_gate)
            {
                _done = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
