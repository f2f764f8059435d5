using System;
using System.Collections.Generic;

namespace Bodycam.Sdk.Export;

/// <summary>The figures of an AVI header known only once every chunk is written.</summary>
internal sealed class AviHeaderCounts
{
    public uint RiffSize { get; init; }

    public uint MoviSize { get; init; }

    /// <summary>Pictures in the first RIFF (avih.dwTotalFrames, as OpenDML asks).</summary>
    public uint FirstRiffVideoFrames { get; init; }

    /// <summary>Pictures in the whole file (strh.dwLength, dmlh.dwTotalFrames).</summary>
    public uint VideoFrames { get; init; }

    public uint AudioSamples { get; init; }

    public uint MaxVideoChunk { get; init; }

    public uint MaxAudioChunk { get; init; }

    public uint MaxBytesPerSecond { get; init; }

    /// <summary>The video stream's super index entries: one per RIFF part.</summary>
    public IReadOnlyList<AviSuperIndexEntry> VideoIndexes { get; init; } = Array.Empty<AviSuperIndexEntry>();

    /// <summary>The audio stream's super index entries: one per RIFF part that holds audio.</summary>
    public IReadOnlyList<AviSuperIndexEntry> AudioIndexes { get; init; } = Array.Empty<AviSuperIndexEntry>();
}
