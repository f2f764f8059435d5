using System.Collections.Generic;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeCueOutput : ICueOutput
{
    public List<Cue> Played { get; } = new List<Cue>();

    public Dictionary<Led, LedPattern> Leds { get; } = new Dictionary<Led, LedPattern>();

    public void Play(Cue cue) => Played.Add(cue);

    public void SetLed(Led led, LedPattern pattern) => Leds[led] = pattern;

    public int Count(Cue cue) => Played.FindAll(c => c == cue).Count;
}
