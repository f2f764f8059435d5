using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Recording;

/// <summary>
/// What the recording writer needs from the storage manager: the volume, the space a new recording may use, and
/// where to note the recording that is open (so the boot scan and the dock leave it alone). The storage manager
/// implements it; the writer does not depend on it.
/// </summary>
public interface IRecordingFiles
{
    /// <summary>Gets the storage volume the files are written to.</summary>
    IFileStorage Storage { get; }

    /// <summary>Reads the free space a recording may use (free space minus the reserve).</summary>
    /// <returns>Bytes.</returns>
    long ReadAvailableBytes();

    /// <summary>Notes the open recording, or that none is open.</summary>
    /// <param name="recordingId">The recording id, or an empty string.</param>
    void SetOpenRecording(string recordingId);
}
