using System;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.PreRecord;

/// <summary>
/// The pre-record ring: one byte arena and a fixed frame index, both allocated once at construction, holding the
/// last <see cref="WindowMilliseconds"/> of frames in RAM only (never written to storage unless a recording
/// starts). Every frame is stored contiguously, so a drain hands the arena itself to the writer without copying.
/// <para>
/// The arena is allocated in chunks of at most <see cref="MaxChunkBytes"/>: nanoFramework caps one managed object
/// at 65,535 heap blocks (about 786 KB on a 32-bit board), so a 16 MiB arena cannot be one array
/// (hardware-notes.md, "Memory budget"). A frame never straddles two chunks: when it does not fit in the rest of
/// the current chunk it starts at the next one, and a frame larger than a chunk is rejected like one larger than
/// the arena. An arena of at most one chunk behaves exactly as a single array.
/// </para>
/// <para>
/// Retention rule (docs/state-machine.md, "Pre-record ring"): the window is a maximum. After a push or trim at
/// time t the ring holds no frame older than t - window (a frame stamped exactly t - window is kept), and its oldest
/// frame is a video key frame, so a clip cut there decodes: frames older than the window are evicted by age, and
/// frames left in front of the first key frame inside the window (deltas whose key frame left, audio) are dropped
/// with them. A window of 0 keeps nothing and allocates no arena. When the arena or the index is full the oldest
/// frames are evicted by space. Each operation is O(1) amortised (every frame is evicted once) and allocates
/// nothing. Audio is left out unless <see cref="IncludesAudio"/>. A frame larger than the arena is rejected and
/// counted.
/// </para>
/// <para>
/// While draining into a recording (after <see cref="BeginDrain"/>) nothing is evicted by age or dropped by policy:
/// live frames queue behind the pre-record so the recording has no gap and no reordering.
/// </para>
/// </summary>
public sealed class PreRecordBuffer
{
    /// <summary>
    /// The largest chunk of the arena, 512 KiB: below the largest managed object of a 32-bit nanoFramework board
    /// (65,535 heap blocks of 12 bytes, less the array header) and a multiple of the 64 KiB minimum arena.
    /// </summary>
    public const int MaxChunkBytes = 512 * 1024;

    private readonly byte[][] _chunks;
    private readonly int _arenaBytes;
    private readonly int _chunkBytes;

    // One entry per frame in a single array, so a push touches one index cache line, not five.
    private readonly FrameEntry[] _frames;

    // Slots of the video key frames in the ring, oldest first: the anchors a clip may start at.
    private readonly int[] _anchors;
    private readonly int _capacity;

    private int _head;
    private int _count;
    private int _anchorHead;
    private int _anchorCount;
    private int _writePosition;

    // True when the newest frames sit at the start of the arena and the oldest near its end.
    private bool _wrapped;
    private long _bytesUsed;

    /// <summary>
    /// Initializes a new instance of the <see cref="PreRecordBuffer"/> class. With a window of 0 the pre-record is
    /// off: no arena and no index are allocated (the sizes are still checked) and every frame is left out.
    /// </summary>
    /// <param name="arenaBytes">Size of the arena in bytes (at least 1).</param>
    /// <param name="frameCapacity">Entries in the frame index (at least 2).</param>
    /// <param name="windowMilliseconds">The pre-record window, 0 (off) to 120000.</param>
    /// <param name="includesAudio">Whether audio frames are kept.</param>
    public PreRecordBuffer(int arenaBytes, int frameCapacity, long windowMilliseconds, bool includesAudio)
    {
        if (arenaBytes < 1)
        {
            throw new ArgumentOutOfRangeException("arenaBytes");
        }

        if (frameCapacity < 2)
        {
            throw new ArgumentOutOfRangeException("frameCapacity");
        }

        if (windowMilliseconds < 0 || windowMilliseconds > 120000)
        {
            throw new ArgumentOutOfRangeException("windowMilliseconds");
        }

        WindowMilliseconds = windowMilliseconds;
        IncludesAudio = includesAudio;
        if (windowMilliseconds == 0)
        {
            // Off: nothing is ever kept, so nothing is allocated (docs/state-machine.md, "Pre-record ring").
            _chunks = new byte[0][];
            _frames = new FrameEntry[0];
            _anchors = new int[0];
            return;
        }

        _arenaBytes = arenaBytes;
        _chunkBytes = arenaBytes < MaxChunkBytes ? arenaBytes : MaxChunkBytes;
        int chunks = ((arenaBytes - 1) / _chunkBytes) + 1;
        _chunks = new byte[chunks][];
        for (int i = 0; i < chunks; i++)
        {
            int left = arenaBytes - (i * _chunkBytes);
            _chunks[i] = new byte[left < _chunkBytes ? left : _chunkBytes];
        }

        _capacity = frameCapacity;
        _frames = new FrameEntry[frameCapacity];
        _anchors = new int[frameCapacity];
    }

    /// <summary>Gets the size of the arena in bytes (0 when the window is 0: no arena).</summary>
    public int ArenaBytes => _arenaBytes;

    /// <summary>Gets the number of chunks the arena is allocated in.</summary>
    public int ChunkCount => _chunks.Length;

    /// <summary>Gets the size of the largest chunk, which is also the largest frame the ring takes.</summary>
    public int ChunkBytes => _chunkBytes;

    /// <summary>Gets the number of entries of the frame index (0 when the window is 0).</summary>
    public int FrameCapacity => _capacity;

    /// <summary>Gets the pre-record window.</summary>
    public long WindowMilliseconds { get; }

    /// <summary>Gets a value indicating whether audio frames are kept in the pre-record.</summary>
    public bool IncludesAudio { get; }

    /// <summary>Gets the number of frames held.</summary>
    public int Count => _count;

    /// <summary>Gets the payload bytes held (what a recording would have to store for the pre-record).</summary>
    public long BytesUsed => _bytesUsed;

    /// <summary>Gets the time from the oldest to the newest frame held, 0 when fewer than two frames.</summary>
    public long SpanMilliseconds => _count == 0 ? 0 : _frames[Slot(_count - 1)].Timestamp - _frames[_head].Timestamp;

    /// <summary>Gets a value indicating whether the ring is draining into a recording.</summary>
    public bool IsDraining { get; private set; }

    /// <summary>Gets the number of frames offered to <see cref="Push"/>, accepted or not.</summary>
    public long OfferedCount { get; private set; }

    /// <summary>Gets the number of frames rejected for being larger than the arena.</summary>
    public long RejectedOversizeCount { get; private set; }

    /// <summary>Gets the number of audio frames left out by the audio policy.</summary>
    public long ExcludedAudioCount { get; private set; }

    /// <summary>Gets the number of frames evicted because they fell out of the window.</summary>
    public long EvictedByAgeCount { get; private set; }

    /// <summary>
    /// Gets the number of frames left out or dropped because no video key frame inside the window came before them
    /// (they would not decode), and every frame offered while the window is 0.
    /// </summary>
    public long DroppedBeforeKeyFrameCount { get; private set; }

    /// <summary>Gets the number of frames evicted to make room (arena or index full) while buffering.</summary>
    public long EvictedBySpaceCount { get; private set; }

    /// <summary>
    /// Gets the number of frames lost while draining because the arena was full of frames not yet written (the
    /// device core drains before pushing to avoid this; a non-zero count means the writer fell behind).
    /// </summary>
    public long LostWhileDrainingCount { get; private set; }

    /// <summary>
    /// Adds a frame, evicting by age and space as needed. O(1) amortised, no allocation.
    /// </summary>
    /// <param name="kind">Video or audio.</param>
    /// <param name="keyFrame">Whether the frame decodes on its own.</param>
    /// <param name="timestampMilliseconds">Capture time on the monotonic clock (non-decreasing).</param>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Length.</param>
    /// <returns>True when the frame was stored; false when it was rejected (too large) or excluded (audio policy).</returns>
    public bool Push(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
    {
        if (data == null)
        {
            throw new ArgumentNullException("data");
        }

        if (offset < 0 || count < 0 || offset > data.Length - count)
        {
            throw new ArgumentOutOfRangeException("count");
        }

        OfferedCount++;

        // Time moved on whether or not this frame is kept.
        if (!IsDraining)
        {
            Trim(timestampMilliseconds);
        }

        if (kind == FrameKind.Audio && !IncludesAudio && !IsDraining)
        {
            ExcludedAudioCount++;
            return false;
        }

        bool anchor = kind == FrameKind.Video && keyFrame;
        if (!IsDraining && (WindowMilliseconds == 0 || (_count == 0 && !anchor)))
        {
            // The ring starts at a key frame: what comes before the first one inside the window is not kept.
            DroppedBeforeKeyFrameCount++;
            return false;
        }

        if (count > _chunkBytes)
        {
            RejectedOversizeCount++;
            return false;
        }

        long evictedBySpace = EvictedBySpaceCount;
        int position = Place(count);
        if (!IsDraining && EvictedBySpaceCount != evictedBySpace)
        {
            // Space eviction may have taken the key frame the following frames need; drop them too. Removing more
            // old frames only frees more room, so the place found for the new frame stays free.
            Trim(timestampMilliseconds);
            if (_count == 0 && !anchor)
            {
                DroppedBeforeKeyFrameCount++;
                return false;
            }
        }

        Array.Copy(data, offset, _chunks[position / _chunkBytes], position % _chunkBytes, count);
        int slot = Slot(_count);
        _frames[slot].Offset = position;
        _frames[slot].Length = count;
        _frames[slot].Timestamp = timestampMilliseconds;
        _frames[slot].Kind = kind;
        _frames[slot].KeyFrame = keyFrame;
        _count++;
        _bytesUsed += count;
        _writePosition = position + count;
        if (anchor)
        {
            int anchorSlot = _anchorHead + _anchorCount;
            if (anchorSlot >= _capacity)
            {
                anchorSlot -= _capacity;
            }

            _anchors[anchorSlot] = slot;
            _anchorCount++;
        }

        return true;
    }

    /// <summary>
    /// Evicts the frames that fell out of the window at a time: every frame stamped before
    /// <paramref name="nowMilliseconds"/> - window, then the frames in front of the first video key frame left (they
    /// would not decode). Afterwards the oldest frame, if any, is a key frame not older than the window. Does nothing
    /// while draining.
    /// </summary>
    /// <param name="nowMilliseconds">The current monotonic time.</param>
    public void Trim(long nowMilliseconds)
    {
        if (IsDraining)
        {
            return;
        }

        long cutoff = nowMilliseconds - WindowMilliseconds;
        while (_count > 0 && _frames[_head].Timestamp < cutoff)
        {
            RemoveOldest();
            EvictedByAgeCount++;
        }

        // The anchors are in ring order: the head is a key frame exactly when it is the first anchor.
        while (_count > 0 && (_anchorCount == 0 || _anchors[_anchorHead] != _head))
        {
            RemoveOldest();
            DroppedBeforeKeyFrameCount++;
        }
    }

    /// <summary>
    /// Starts draining for a recording triggered at a time: trims to the window (so the recording receives no frame
    /// older than <paramref name="triggerMilliseconds"/> - window and starts at a key frame), then stops age
    /// eviction and the audio policy until the ring is empty. <see cref="OldestTimestamp"/> then tells where the
    /// recording starts.
    /// </summary>
    /// <param name="triggerMilliseconds">The monotonic time of the trigger.</param>
    /// <returns>The number of frames the recording will receive from the pre-record.</returns>
    public int BeginDrain(long triggerMilliseconds)
    {
        Trim(triggerMilliseconds);
        IsDraining = _count > 0;
        return _count;
    }

    /// <summary>Gets the capture time of the oldest frame held.</summary>
    /// <exception cref="InvalidOperationException">The ring is empty.</exception>
    public long OldestTimestamp
    {
        get
        {
            if (_count == 0)
            {
                throw new InvalidOperationException("The pre-record ring is empty.");
            }

            return _frames[_head].Timestamp;
        }
    }

    /// <summary>Tells whether a frame of a length fits without evicting anything.</summary>
    /// <param name="count">The frame length.</param>
    /// <returns>True when it fits in the free space of the arena and index.</returns>
    public bool HasRoomFor(int count)
    {
        if (count > _chunkBytes)
        {
            return false;
        }

        if (_count == 0)
        {
            return true;
        }

        if (_count == _capacity)
        {
            return false;
        }

        int headOffset = _frames[_head].Offset;
        int position = Fit(_writePosition, count);
        if (_wrapped)
        {
            return headOffset - position >= count;
        }

        return count == 0 || _arenaBytes - position >= count || headOffset >= count;
    }

    /// <summary>
    /// Hands the oldest frames to a recording, straight from the arena, and removes them. When the ring runs empty
    /// the drain ends and buffering rules apply again.
    /// </summary>
    /// <param name="sink">The recording.</param>
    /// <param name="maximumFrames">The most frames to hand over in this call.</param>
    /// <returns>The number of frames handed over.</returns>
    /// <exception cref="StorageException">The sink failed; the failed frame stays in the ring.</exception>
    public int DrainTo(IRecordingSink sink, int maximumFrames)
    {
        int drained = 0;
        while (drained < maximumFrames && _count > 0)
        {
            int slot = _head;
            sink.AppendFrame(
                _frames[slot].Kind,
                _frames[slot].KeyFrame,
                _frames[slot].Timestamp,
                _chunks[_frames[slot].Offset / _chunkBytes],
                _frames[slot].Offset % _chunkBytes,
                _frames[slot].Length);
            RemoveOldest();
            drained++;
        }

        if (_count == 0)
        {
            IsDraining = false;
        }

        return drained;
    }

    /// <summary>Wipes the arena (zeroes every byte) and empties the index; ends any drain.</summary>
    public void Clear()
    {
        for (int i = 0; i < _chunks.Length; i++)
        {
            Array.Clear(_chunks[i], 0, _chunks[i].Length);
        }

        _head = 0;
        _count = 0;
        _anchorHead = 0;
        _anchorCount = 0;
        _writePosition = 0;
        _wrapped = false;
        _bytesUsed = 0;
        IsDraining = false;
    }

    /// <summary>Tells whether every byte of the arena is zero (after <see cref="Clear"/>; for tests and audits).</summary>
    /// <returns>True when the arena holds no data.</returns>
    public bool IsArenaZeroed()
    {
        int accumulated = 0;
        for (int c = 0; c < _chunks.Length; c++)
        {
            byte[] chunk = _chunks[c];
            for (int i = 0; i < chunk.Length; i++)
            {
                accumulated |= chunk[i];
            }
        }

        return accumulated == 0;
    }

    /// <summary>Reads the capture time of a held frame.</summary>
    /// <param name="index">0 for the oldest frame to <see cref="Count"/> - 1.</param>
    /// <returns>The timestamp in monotonic milliseconds.</returns>
    public long GetTimestamp(int index)
    {
        return _frames[CheckedSlot(index)].Timestamp;
    }

    /// <summary>Reads the kind of a held frame.</summary>
    /// <param name="index">0 for the oldest frame to <see cref="Count"/> - 1.</param>
    /// <returns>Video or audio.</returns>
    public FrameKind GetKind(int index)
    {
        return _frames[CheckedSlot(index)].Kind;
    }

    /// <summary>Tells whether a held frame is a key frame.</summary>
    /// <param name="index">0 for the oldest frame to <see cref="Count"/> - 1.</param>
    /// <returns>True for a key frame.</returns>
    public bool IsKeyFrame(int index)
    {
        return _frames[CheckedSlot(index)].KeyFrame;
    }

    /// <summary>Reads the length of a held frame.</summary>
    /// <param name="index">0 for the oldest frame to <see cref="Count"/> - 1.</param>
    /// <returns>The length in bytes.</returns>
    public int GetLength(int index)
    {
        return _frames[CheckedSlot(index)].Length;
    }

    /// <summary>Copies a held frame out.</summary>
    /// <param name="index">0 for the oldest frame to <see cref="Count"/> - 1.</param>
    /// <param name="destination">Destination buffer.</param>
    /// <param name="destinationOffset">First byte to fill.</param>
    /// <returns>The number of bytes copied (the frame's length).</returns>
    public int CopyFrame(int index, byte[] destination, int destinationOffset)
    {
        int slot = CheckedSlot(index);
        int offset = _frames[slot].Offset;
        Array.Copy(_chunks[offset / _chunkBytes], offset % _chunkBytes, destination, destinationOffset, _frames[slot].Length);
        return _frames[slot].Length;
    }

    private int Place(int count)
    {
        while (true)
        {
            if (_count == 0)
            {
                _writePosition = 0;
                _wrapped = false;
                return 0;
            }

            if (_count < _capacity)
            {
                if (count == 0)
                {
                    return _writePosition;
                }

                int headOffset = _frames[_head].Offset;
                int position = Fit(_writePosition, count);
                if (_wrapped)
                {
                    if (headOffset - position >= count)
                    {
                        return position;
                    }
                }
                else if (_arenaBytes - position >= count)
                {
                    return position;
                }
                else if (headOffset >= count)
                {
                    _wrapped = true;
                    return 0;
                }
            }

            RemoveOldest();
            if (IsDraining)
            {
                LostWhileDrainingCount++;
            }
            else
            {
                EvictedBySpaceCount++;
            }
        }
    }

    // The position a frame of this length gets at or after a position: the next chunk's start when the frame would
    // straddle a chunk boundary (with one chunk it never moves; the callers check the arena's end).
    private int Fit(int position, int count)
    {
        int chunkEnd = ((position / _chunkBytes) + 1) * _chunkBytes;
        if (chunkEnd > _arenaBytes)
        {
            chunkEnd = _arenaBytes;
        }

        return position + count <= chunkEnd ? position : chunkEnd;
    }

    private void RemoveOldest()
    {
        int slot = _head;
        int oldOffset = _frames[slot].Offset;
        if (_anchorCount > 0 && _anchors[_anchorHead] == slot)
        {
            _anchorHead = NextAnchor(_anchorHead);
            _anchorCount--;
        }

        _bytesUsed -= _frames[slot].Length;
        _head++;
        if (_head == _capacity)
        {
            _head = 0;
        }

        _count--;
        if (_count == 0)
        {
            _writePosition = 0;
            _wrapped = false;
        }
        else if (_wrapped && _frames[_head].Offset < oldOffset)
        {
            // The oldest frame is now in the low part of the arena: the high part is free again.
            _wrapped = false;
        }
    }

    private int Slot(int index)
    {
        int slot = _head + index;
        return slot >= _capacity ? slot - _capacity : slot;
    }

    private int CheckedSlot(int index)
    {
        if (index < 0 || index >= _count)
        {
            throw new ArgumentOutOfRangeException("index");
        }

        return Slot(index);
    }

    private int NextAnchor(int anchorIndex)
    {
        int next = anchorIndex + 1;
        return next == _capacity ? 0 : next;
    }

    private struct FrameEntry
    {
        public int Offset;
        public int Length;
        public long Timestamp;
        public FrameKind Kind;
        public bool KeyFrame;
    }
}
