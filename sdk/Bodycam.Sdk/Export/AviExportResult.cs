namespace Bodycam.Sdk.Export;

/// <summary>What an AVI export wrote, and how far its fixed-rate timing strays from the device's timestamps.</summary>
/// <param name="VideoFrames">Video frames taken from the recording (every one is written).</param>
/// <param name="VideoFramesRepeated">Extra copies written to hold a picture over dropped frames.</param>
/// <param name="AudioSamples">Audio samples taken from the recording.</param>
/// <param name="SilenceSamplesInserted">Silent samples inserted over gaps in the audio.</param>
/// <param name="DurationMilliseconds">Length of the longer track.</param>
/// <param name="MaxVideoOffsetMilliseconds">Largest distance between a frame's device time and its place in the file.</param>
/// <param name="MaxAudioOffsetMilliseconds">Largest distance between an audio block's device time and its place.</param>
/// <param name="FileBytes">Size of the file written.</param>
public sealed record AviExportResult(
    int VideoFrames,
    int VideoFramesRepeated,
    long AudioSamples,
    long SilenceSamplesInserted,
    long DurationMilliseconds,
    long MaxVideoOffsetMilliseconds,
    long MaxAudioOffsetMilliseconds,
    long FileBytes);
