namespace Bodycam.Emulator.Board;

/// <summary>What the simulated camera produces.</summary>
/// <param name="Mode">Test pattern JPEG or synthetic GOP frames.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="FramesPerSecond">Frames per second, 1..120.</param>
/// <param name="BitsPerSecond">Target bitrate in GOP mode.</param>
/// <param name="Gop">Frames per group of pictures in GOP mode (a key frame starts each group).</param>
/// <param name="JpegQuality">JPEG quality 1..100 in JPEG mode.</param>
public sealed record CameraSettings(
    CameraMode Mode = CameraMode.Gop,
    int Width = 1920,
    int Height = 1080,
    int FramesPerSecond = 30,
    long BitsPerSecond = 4_000_000,
    int Gop = 30,
    int JpegQuality = 75);
