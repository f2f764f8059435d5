using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Recording;

/// <summary>
/// What the recording writer needs from the storage manager: the volume, the space a new recording may use, where to
/// note the recording that is open (so the boot scan and the dock leave it alone), and the journal of open files
/// (docs/recording-format.md §5). The storage manager implements it; the writer does not depend on it.
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

    /// <summary>
    /// Commits a file to the journal of open files before its first byte is written (durable on return), removing in
    /// the same write a file whose close is flushed.
    /// </summary>
    /// <param name="fileName">The file about to be written.</param>
    /// <param name="headerHash">Its header hash (32 bytes).</param>
    /// <param name="pressTime">The press time its open record carries.</param>
    /// <param name="closedFileName">The file a continuation just closed, or an empty string.</param>
    /// <returns>The open sequence number to write in the file's open record.</returns>
    uint CommitOpen(string fileName, byte[] headerHash, long pressTime, string closedFileName);

    /// <summary>Removes a file from the journal after its close record is flushed (durable on return).</summary>
    /// <param name="fileName">The file name.</param>
    void CommitClosed(string fileName);
}
