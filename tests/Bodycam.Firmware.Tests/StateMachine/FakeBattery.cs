using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeBattery : IBattery
{
    public int Percent { get; set; } = 80;

    public int ReadPercent() => Percent;
}
