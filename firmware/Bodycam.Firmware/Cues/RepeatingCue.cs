using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Cues;

/// <summary>
/// A cue played at a fixed interval while a condition lasts (the still-recording reminder, the clock-not-set
/// beeps, the fault cue), timed by the injected clock: the core polls it and it reports its next due time.
/// </summary>
public sealed class RepeatingCue
{
    private readonly long _interval;
    private long _nextDue = long.MaxValue;

    /// <summary>Initializes a new instance of the <see cref="RepeatingCue"/> class.</summary>
    /// <param name="cue">The cue to repeat.</param>
    /// <param name="intervalMilliseconds">The interval (positive).</param>
    public RepeatingCue(Cue cue, long intervalMilliseconds)
    {
        if (intervalMilliseconds <= 0)
        {
            throw new System.ArgumentOutOfRangeException("intervalMilliseconds");
        }

        Cue = cue;
        _interval = intervalMilliseconds;
    }

    /// <summary>Gets the cue repeated.</summary>
    public Cue Cue { get; private set; }

    /// <summary>Gets a value indicating whether the cue is repeating.</summary>
    public bool IsActive => _nextDue != long.MaxValue;

    /// <summary>Gets when the cue plays next; long.MaxValue when inactive.</summary>
    public long NextDueMilliseconds => _nextDue;

    /// <summary>Gets how many times the cue was played by <see cref="Poll"/>.</summary>
    public long PlayedCount { get; private set; }

    /// <summary>Starts repeating: first play one interval after the start (the start itself has its own cue).</summary>
    /// <param name="nowMilliseconds">The start time.</param>
    public void Start(long nowMilliseconds)
    {
        _nextDue = nowMilliseconds + _interval;
    }

    /// <summary>Starts repeating with another cue (the fault cue differs per fault).</summary>
    /// <param name="cue">The cue.</param>
    /// <param name="nowMilliseconds">The start time.</param>
    public void Start(Cue cue, long nowMilliseconds)
    {
        Cue = cue;
        Start(nowMilliseconds);
    }

    /// <summary>Stops repeating.</summary>
    public void Stop()
    {
        _nextDue = long.MaxValue;
    }

    /// <summary>Plays the cue if due (once, however late the poll: missed repeats are not replayed in a burst).</summary>
    /// <param name="nowMilliseconds">The current time.</param>
    /// <param name="output">Where to play it.</param>
    /// <returns>True when the cue played.</returns>
    public bool Poll(long nowMilliseconds, ICueOutput output)
    {
        if (nowMilliseconds < _nextDue)
        {
            return false;
        }

        output.Play(Cue);
        PlayedCount++;
        _nextDue += _interval;
        if (_nextDue <= nowMilliseconds)
        {
            _nextDue = nowMilliseconds + _interval;
        }

        return true;
    }
}
