using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeRealTimeClock : IRealTimeClock
{
    public bool IsSet { get; set; } = true;

    public long UnixMilliseconds { get; set; } = 1_790_000_000_000;

    public long ReadUnixMilliseconds() => UnixMilliseconds;

    public void Set(long unixMilliseconds)
    {
        UnixMilliseconds = unixMilliseconds;
        IsSet = true;
    }
}
