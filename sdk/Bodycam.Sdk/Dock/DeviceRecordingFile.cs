namespace Bodycam.Sdk.Dock;

/// <summary>A recording file on a device.</summary>
/// <param name="Name">The file name.</param>
/// <param name="RecordingId">The recording it belongs to (continuation files share it).</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="IsOpen">Whether the recording is still being written (it cannot be confirmed yet).</param>
public sealed record DeviceRecordingFile(string Name, string RecordingId, long Length, bool IsOpen);
