using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// The state of one download, shared by the asynchronous and the blocking path: which range reads to send next,
/// which answer comes next, and the checks on each answer. The paths differ only in how they send and wait.
/// </summary>
internal sealed class DockRangeDownload
{
    /// <summary>The bytes a download keeps requested ahead of what it has received: 1 MiB (16 reads of 64 KiB, 2 of 512 KiB).</summary>
    internal const int WindowBytes = 1 << 20;

    private readonly DockClient _owner;
    private readonly string _name;
    private readonly long _offset;
    private readonly int _chunk;
    private readonly int _window;
    private readonly Queue<(ushort Id, long Offset)> _inFlight = new();
    private readonly byte[] _request = new byte[1 + 64 + 8 + 4];
    private long _fileLength = long.MaxValue;
    private long _requested;

    public DockRangeDownload(DockClient owner, string name, long offset, int chunk, int window)
    {
        _owner = owner;
        _name = name;
        _offset = offset;
        _requested = offset;
        _chunk = chunk;
        _window = window;
    }

    public long Written { get; private set; }

    public bool IsComplete => _inFlight.Count == 0;

    public long FileLength => _fileLength == long.MaxValue ? _offset : _fileLength;

    public ushort ExpectedId => _inFlight.Peek().Id;

    // Encodes the next batch of range reads into the owner's send buffer and returns its length (0: none due).
    public int NextBatch()
    {
        // The window is refilled in batches, all of a batch's requests in one write: the device then finds
        // several requests per wake-up and answers them back to back, instead of waking (and the link
        // carrying a tiny packet) once per answer consumed.
        int batch = 0;
        if (_inFlight.Count > _window / 2)
        {
            return 0;
        }

        while (_inFlight.Count < _window && _requested < _fileLength)
        {
            if (_requested > _offset && _fileLength == long.MaxValue)
            {
                // The first answer gives the file's length; until then only one read is in flight.
                break;
            }

            int n = DockAnswers.EncodeRead(_request, _name, _requested, _chunk);
            ushort id = _owner.NextId();
            batch += DockFraming.Encode((byte)DockCommandCode.ReadRecording, id, _request.AsSpan(0, n), _owner.SendBuffer.AsSpan(batch));
            _inFlight.Enqueue((id, _requested));
            _requested += _chunk;
        }

        return batch;
    }

    // Checks the answer to the oldest read in flight and returns the file bytes it carries.
    public ReadOnlyMemory<byte> Accept(DockFrame frame)
    {
        (_, long expectOffset) = _inFlight.Dequeue();
        ReadOnlyMemory<byte> p = frame.Payload;
        if (p.Length < DockAnswers.ReadResponseOverhead)
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "A range answer is too short.");
        }

        long at = BinaryPrimitives.ReadInt64LittleEndian(p.Span);
        _fileLength = BinaryPrimitives.ReadInt64LittleEndian(p.Span[8..]);
        if (at != expectOffset)
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "A range answer is for the wrong offset.");
        }

        ReadOnlyMemory<byte> data = p[DockAnswers.ReadResponseOverhead..];
        if (_requested > _fileLength)
        {
            _requested = _fileLength;
        }

        if (data.Length == 0 && at < _fileLength)
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "The device sent no bytes before the end of the file.");
        }

        Written += data.Length;
        return data;
    }
}
