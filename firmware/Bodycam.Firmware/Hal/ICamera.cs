namespace Bodycam.Firmware.Hal;

/// <summary>
/// The camera and encoder (a native component on the device; simulated in the emulator). While started it delivers
/// encoded frames to the firmware core through the board loop; it never stores anything itself.
/// </summary>
public interface ICamera
{
    /// <summary>Starts capture and encoding.</summary>
    void Start();

    /// <summary>Stops capture and encoding.</summary>
    void Stop();

    /// <summary>
    /// Asks the encoder to make its next video frame a key frame (an IDR access unit on an H.264 encoder; a JPEG
    /// camera's frames are all key frames, so it has nothing to do). The core calls it when a recording starts, so
    /// the live part of the recording starts decodable even when the pre-record ring holds no key frame
    /// (docs/state-machine.md, "Pre-record ring"). It returns at once; the group of pictures restarts at that frame.
    /// A camera that cannot honour it keeps its cadence: the core then waits for the next key frame.
    /// </summary>
    void RequestKeyFrame();
}
