namespace Bodycam.Firmware.Storage;

/// <summary>One recording in the storage index: its files (in continuation order), size and state.</summary>
public class RecordingInfo
{
    /// <summary>Initializes a new instance of the <see cref="RecordingInfo"/> class.</summary>
    /// <param name="recordingId">The recording id (32 hex digits).</param>
    /// <param name="fileNames">The file names, first file first.</param>
    /// <param name="totalBytes">The bytes of all files.</param>
    /// <param name="state">The state (the worst of its files: open, damaged, interrupted, recovered, closed).</param>
    /// <param name="startUnixMilliseconds">The UTC start time from the first file's header (0 when unreadable).</param>
    /// <param name="clockSynchronised">Whether that time came from a set clock.</param>
    public RecordingInfo(string recordingId, string[] fileNames, long totalBytes, RecordingState state, long startUnixMilliseconds, bool clockSynchronised)
    {
        RecordingId = recordingId;
        FileNames = fileNames;
        TotalBytes = totalBytes;
        State = state;
        StartUnixMilliseconds = startUnixMilliseconds;
        ClockSynchronised = clockSynchronised;
    }

    /// <summary>Gets the recording id.</summary>
    public string RecordingId { get; }

    /// <summary>Gets the file names, first file first.</summary>
    public string[] FileNames { get; }

    /// <summary>Gets the total size of the files in bytes.</summary>
    public long TotalBytes { get; }

    /// <summary>Gets the state.</summary>
    public RecordingState State { get; }

    /// <summary>Gets the UTC start time in milliseconds since 1970 (meaningless when not <see cref="ClockSynchronised"/>).</summary>
    public long StartUnixMilliseconds { get; }

    /// <summary>Gets a value indicating whether the start time came from a set real-time clock.</summary>
    public bool ClockSynchronised { get; }
}
