namespace Bodycam.Firmware.Hal;

/// <summary>The kind of a media frame.</summary>
public enum FrameKind
{
    /// <summary>An encoded video frame (a JPEG picture, or a key or delta frame of a GOP codec).</summary>
    Video = 1,

    /// <summary>A block of audio samples (16-bit PCM, mono).</summary>
    Audio = 2,
}
