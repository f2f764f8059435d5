namespace Bodycam.Firmware.Hal;

/// <summary>LEDs, buzzer and vibration motor. The core says what to show; the board drives the patterns.</summary>
public interface ICueOutput
{
    /// <summary>Sets what an LED shows until told otherwise.</summary>
    /// <param name="led">The LED.</param>
    /// <param name="pattern">The pattern.</param>
    void SetLed(Led led, LedPattern pattern);

    /// <summary>Plays a cue once (tone and vibration as the cue defines).</summary>
    /// <param name="cue">The cue.</param>
    void Play(Cue cue);
}
