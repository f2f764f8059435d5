using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.StateMachine;

/// <summary>A camera double that honours key-frame requests the way an encoder does: the next frame is a key frame.</summary>
public sealed class HonouringCamera : ICamera
{
    public bool Running { get; private set; }

    public int KeyFrameRequests { get; private set; }

    public bool KeyFramePending { get; private set; }

    public void Start() => Running = true;

    public void Stop() => Running = false;

    public void RequestKeyFrame()
    {
        KeyFrameRequests++;
        KeyFramePending = true;
    }

    /// <summary>Whether the next frame is a key frame: at the group's cadence or when one was requested.</summary>
    public bool NextIsKey(bool cadence)
    {
        bool key = cadence || KeyFramePending;
        KeyFramePending = false;
        return key;
    }
}
