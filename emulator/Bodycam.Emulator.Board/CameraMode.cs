namespace Bodycam.Emulator.Board;

/// <summary>What the simulated camera produces.</summary>
public enum CameraMode
{
    /// <summary>Baseline JPEG test pattern frames with the time and device id burned in (every frame a key frame).</summary>
    Jpeg = 1,

    /// <summary>Key and delta frames of seeded random bytes sized to a target bitrate, for long runs.</summary>
    Gop = 2,
}
