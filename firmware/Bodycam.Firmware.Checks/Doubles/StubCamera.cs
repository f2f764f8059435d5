using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>A camera that only remembers whether the core started it and asked it for key frames; the checks hand frames to the core.</summary>
public sealed class StubCamera : ICamera
{
    /// <summary>Gets a value indicating whether the camera runs.</summary>
    public bool Running { get; private set; }

    /// <summary>Gets the number of key frames the core asked for.</summary>
    public int KeyFrameRequests { get; private set; }

    /// <inheritdoc/>
    public void Start()
    {
        Running = true;
    }

    /// <inheritdoc/>
    public void Stop()
    {
        Running = false;
    }

    /// <inheritdoc/>
    public void RequestKeyFrame()
    {
        KeyFrameRequests++;
    }
}
