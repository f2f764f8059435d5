using System;

namespace Bodycam.Firmware.StateMachine;

/// <summary>
/// A fixed-size, thread-safe queue of board inputs (button edges, dock detect): GPIO callbacks run on their own
/// threads and only enqueue here; the board loop dequeues and the core handles the events on its single thread
/// (docs/state-machine.md, "Rules the core keeps": board adapters queue callbacks into the core's loop). No allocation after construction.
/// When full, new inputs are dropped and counted: a bouncing button must not grow memory.
/// </summary>
public sealed class InputEventQueue
{
    private readonly object _sync = new object();
    private readonly InputEventKind[] _kinds;
    private readonly bool[] _values;
    private readonly long[] _timestamps;
    private int _head;
    private int _count;
    private long _dropped;

    /// <summary>Initializes a new instance of the <see cref="InputEventQueue"/> class.</summary>
    /// <param name="capacity">Maximum number of queued inputs (at least 1).</param>
    public InputEventQueue(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException("capacity");
        }

        _kinds = new InputEventKind[capacity];
        _values = new bool[capacity];
        _timestamps = new long[capacity];
    }

    /// <summary>Gets the number of queued inputs.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _count;
            }
        }
    }

    /// <summary>Gets the number of inputs dropped because the queue was full.</summary>
    public long DroppedCount
    {
        get
        {
            lock (_sync)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Queues an input; safe from any thread.</summary>
    /// <param name="kind">What changed.</param>
    /// <param name="value">The new level (pressed, docked).</param>
    /// <param name="timestampMilliseconds">When it changed, on the monotonic clock.</param>
    /// <returns>False when the queue was full and the input was dropped.</returns>
    public bool Enqueue(InputEventKind kind, bool value, long timestampMilliseconds)
    {
        lock (_sync)
        {
            if (_count == _kinds.Length)
            {
                _dropped++;
                return false;
            }

            int slot = _head + _count;
            if (slot >= _kinds.Length)
            {
                slot -= _kinds.Length;
            }

            _kinds[slot] = kind;
            _values[slot] = value;
            _timestamps[slot] = timestampMilliseconds;
            _count++;
            return true;
        }
    }

    /// <summary>Takes the oldest input; safe from any thread.</summary>
    /// <param name="kind">What changed.</param>
    /// <param name="value">The new level.</param>
    /// <param name="timestampMilliseconds">When it changed.</param>
    /// <returns>False when the queue was empty.</returns>
    public bool TryDequeue(out InputEventKind kind, out bool value, out long timestampMilliseconds)
    {
        lock (_sync)
        {
            if (_count == 0)
            {
                kind = InputEventKind.ButtonEdge;
                value = false;
                timestampMilliseconds = 0;
                return false;
            }

            kind = _kinds[_head];
            value = _values[_head];
            timestampMilliseconds = _timestamps[_head];
            _head++;
            if (_head == _kinds.Length)
            {
                _head = 0;
            }

            _count--;
            return true;
        }
    }

    /// <summary>Drops every queued input.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _head = 0;
            _count = 0;
        }
    }
}
