using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeClock : IClock
{
    public long Now { get; set; }

    public long ReadMilliseconds() => Now;
}
