using System;
using System.Collections.Generic;

namespace Bodycam.Emulator.Board;

/// <summary>
/// An event queue in simulated milliseconds. Events due at the same time run in the order they were scheduled, so a
/// run is reproducible.
/// </summary>
public sealed class SimulationScheduler
{
    private readonly PriorityQueue<Action, (long At, long Sequence)> _queue = new();
    private long _sequence;

    /// <summary>The number of pending events.</summary>
    public int Count => _queue.Count;

    /// <summary>Queues <paramref name="action"/> to run at <paramref name="atMilliseconds"/>.</summary>
    /// <param name="atMilliseconds">When the event is due, in simulated milliseconds.</param>
    /// <param name="action">What to run.</param>
    public void Schedule(long atMilliseconds, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _queue.Enqueue(action, (atMilliseconds, _sequence++));
    }

    /// <summary>Gets the time of the earliest pending event.</summary>
    /// <param name="atMilliseconds">The time of the earliest event, when there is one.</param>
    /// <returns>Whether an event is pending.</returns>
    public bool TryPeekNext(out long atMilliseconds)
    {
        if (_queue.TryPeek(out _, out (long At, long Sequence) key))
        {
            atMilliseconds = key.At;
            return true;
        }

        atMilliseconds = 0;
        return false;
    }

    /// <summary>Runs every event due at or before <paramref name="nowMilliseconds"/>, in order.</summary>
    /// <param name="nowMilliseconds">The current simulated time.</param>
    /// <returns>The number of events run.</returns>
    public int RunDue(long nowMilliseconds)
    {
        int ran = 0;
        while (_queue.TryPeek(out Action? action, out (long At, long Sequence) key) && key.At <= nowMilliseconds)
        {
            _queue.Dequeue();
            action();
            ran++;
        }

        return ran;
    }

    /// <summary>Drops every pending event.</summary>
    public void Reset()
    {
        _queue.Clear();
        _sequence = 0;
    }
}
