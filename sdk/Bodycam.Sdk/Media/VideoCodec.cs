namespace Bodycam.Sdk.Media;

/// <summary>How the video frames of a recording are encoded (docs/recording-format.md, header).</summary>
public enum VideoCodec
{
    /// <summary>Each frame is a baseline JPEG picture (Motion JPEG).</summary>
    Mjpeg = 1,

    /// <summary>H.264 Annex B access units (key frames are IDR pictures).</summary>
    H264 = 2,

    /// <summary>Synthetic GOP frames of the emulator's load mode: sized like real ones, not decodable pictures.</summary>
    Synthetic = 3,
}
