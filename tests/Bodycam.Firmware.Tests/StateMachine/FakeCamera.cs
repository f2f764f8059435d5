using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeCamera : ICamera
{
    public bool Running { get; private set; }

    public int Starts { get; private set; }

    public int KeyFrameRequests { get; private set; }

    public void Start()
    {
        Running = true;
        Starts++;
    }

    public void Stop() => Running = false;

    public void RequestKeyFrame() => KeyFrameRequests++;
}
