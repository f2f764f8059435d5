namespace Bodycam.Sdk.Export;

/// <summary>The figures of an AVI header known only once every chunk is written.</summary>
internal readonly record struct AviHeaderCounts(
    uint RiffSize,
    uint MoviSize,
    uint VideoFrames,
    uint AudioSamples,
    uint MaxVideoChunk,
    uint MaxAudioChunk,
    uint MaxBytesPerSecond);
