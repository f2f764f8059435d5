using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>LEDs, buzzer and motor: remembers the LED patterns and the last cue, and traces each change.</summary>
public sealed class CueLog : ICueOutput
{
    private readonly Trace _trace;

    /// <summary>Initializes a new instance of the <see cref="CueLog"/> class.</summary>
    /// <param name="trace">Where changes are traced.</param>
    public CueLog(Trace trace)
    {
        _trace = trace;
    }

    /// <summary>Gets the recording LED's pattern.</summary>
    public LedPattern RecordingLed { get; private set; }

    /// <summary>Gets the status LED's pattern.</summary>
    public LedPattern StatusLed { get; private set; }

    /// <summary>Gets the number of cues played.</summary>
    public int CueCount { get; private set; }

    /// <summary>Gets the last cue played.</summary>
    public Cue LastCue { get; private set; }

    /// <inheritdoc/>
    public void SetLed(Led led, LedPattern pattern)
    {
        LedPattern before = led == Led.Recording ? RecordingLed : StatusLed;
        if (led == Led.Recording)
        {
            RecordingLed = pattern;
        }
        else
        {
            StatusLed = pattern;
        }

        if (before != pattern)
        {
            _trace.Add("led " + ((int)led).ToString() + " " + ((int)pattern).ToString());
        }
    }

    /// <inheritdoc/>
    public void Play(Cue cue)
    {
        CueCount++;
        LastCue = cue;
        _trace.Add("cue " + ((int)cue).ToString());
    }
}
