using System;
using System.Collections.Generic;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The emulated LEDs, speaker and vibration motor: it keeps the current pattern of each LED and every change and cue
/// with its simulated time, for scenario expectations and the timeline.
/// </summary>
public sealed class CueRecorder : ICueOutput
{
    private readonly VirtualClock _clock;
    private readonly List<CueEvent> _events = new();
    private readonly Dictionary<Led, LedPattern> _leds = new();

    /// <summary>Creates a recorder with every LED off.</summary>
    /// <param name="clock">The clock that stamps each event.</param>
    public CueRecorder(VirtualClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Raised after each LED change or cue.</summary>
    public event EventHandler<CueEvent>? Emitted;

    /// <summary>Every event since the last <see cref="Reset"/>, oldest first.</summary>
    public IReadOnlyList<CueEvent> Events => _events;

    /// <summary>The current pattern of <paramref name="led"/>.</summary>
    /// <param name="led">The LED.</param>
    /// <returns>Its pattern; <see cref="LedPattern.Off"/> when never set.</returns>
    public LedPattern ReadLed(Led led)
    {
        return _leds.TryGetValue(led, out LedPattern pattern) ? pattern : LedPattern.Off;
    }

    /// <inheritdoc />
    public void SetLed(Led led, LedPattern pattern)
    {
        _leds[led] = pattern;
        Add(new CueEvent(_clock.Now, led, pattern, null));
    }

    /// <inheritdoc />
    public void Play(Cue cue)
    {
        Add(new CueEvent(_clock.Now, null, LedPattern.Off, cue));
    }

    /// <summary>The cues played at or after <paramref name="sinceMilliseconds"/>, oldest first.</summary>
    /// <param name="sinceMilliseconds">The start of the window.</param>
    /// <returns>The cues.</returns>
    public IReadOnlyList<Cue> CuesSince(long sinceMilliseconds)
    {
        var cues = new List<Cue>();
        foreach (CueEvent e in _events)
        {
            if (e.Cue is Cue cue && e.AtMilliseconds >= sinceMilliseconds)
            {
                cues.Add(cue);
            }
        }

        return cues;
    }

    /// <summary>Turns every LED off (a power cut) and keeps the history.</summary>
    public void PowerOff()
    {
        _leds.Clear();
    }

    /// <summary>Turns every LED off and forgets the history.</summary>
    public void Reset()
    {
        _leds.Clear();
        _events.Clear();
    }

    private void Add(CueEvent e)
    {
        _events.Add(e);
        Emitted?.Invoke(this, e);
    }
}
