namespace Bodycam.Sdk.Media;

/// <summary>The kind of a media frame (docs/recording-format.md, frame records).</summary>
public enum MediaKind
{
    /// <summary>An encoded video frame.</summary>
    Video = 1,

    /// <summary>A block of 16-bit little-endian PCM samples.</summary>
    Audio = 2,
}
