namespace Bodycam.Sdk.Export;

/// <summary>Why an export was refused (see <see cref="ExportException"/>).</summary>
public enum ExportError
{
    /// <summary>The video is not Motion JPEG, so it cannot go into the AVI export (H.264, synthetic frames).</summary>
    UnsupportedVideoCodec = 1,

    /// <summary>The stream description is out of range (size, frame rate, sample rate).</summary>
    InvalidStreamInfo = 2,

    /// <summary>A video frame is not a JPEG picture (it does not start with the SOI marker).</summary>
    InvalidVideoFrame = 3,

    /// <summary>An audio frame is not whole 16-bit mono samples, or audio came for a recording without audio.</summary>
    InvalidAudioFrame = 4,

    /// <summary>Frame timestamps of one kind go backwards.</summary>
    TimestampsOutOfOrder = 5,

    /// <summary>The export would pass the size limit (<see cref="AviExporter.MaxFileBytesLimit"/> or a lower one), or one chunk does not fit a RIFF part.</summary>
    TooLarge = 6,

    /// <summary>There is nothing to export: no video frames.</summary>
    NoVideo = 7,
}
