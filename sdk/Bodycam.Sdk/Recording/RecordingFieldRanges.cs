using System;
using L = Bodycam.Sdk.Recording.RecordingHeaderLayout;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// The field ranges of the header (docs/recording-format.md, "3.2 Field ranges"), for format versions 1 and 2. The
/// fields are checked in the order of the header table; the first field out of range is reported with its own
/// offset, as <see cref="RecordingFormatError.MalformedHeader"/>.
/// </summary>
internal static class RecordingFieldRanges
{
    /// <summary>Latest wall-clock time a header may hold: 9999-12-31T23:59:59.999Z in unix milliseconds.</summary>
    public const long MaxStartUnixMilliseconds = 253_402_300_799_999;

    /// <summary>Largest continuation index: a recording has at most 1000 files.</summary>
    public const int MaxContinuationIndex = 999;

    /// <summary>Highest nominal frame rate.</summary>
    public const int MaxFramesPerSecond = 240;

    /// <summary>Lowest audio sample rate when there is audio.</summary>
    public const int MinAudioSampleRate = 1000;

    /// <summary>Highest audio sample rate.</summary>
    public const int MaxAudioSampleRate = 192_000;

    /// <summary>Smallest segment plaintext limit: one entry header (a segment must be able to hold an entry).</summary>
    public const long MinSegmentMaxBytes = RecordingConstants.FrameHeaderSize;

    /// <summary>Largest segment plaintext limit (16 MiB), so a reader's memory for one segment is bounded.</summary>
    public const long MaxSegmentMaxBytes = 16L * 1024 * 1024;

    /// <summary>Largest checkpoint interval in a version 2 file.</summary>
    public const int MaxCheckpointIntervalV2 = 10;

    /// <summary>Largest segment time limit in a version 2 file, and the largest unsigned tail (K x segment-max-ms).</summary>
    public const long MaxUnsignedTailMillisecondsV2 = 10_000;

    /// <summary>Checks the fields after the device id of a parsed header.</summary>
    /// <param name="f">The file (at least the header).</param>
    /// <param name="p">Offset of the fields after the device id (61 + device id length).</param>
    /// <param name="version">The header's format version (1 or 2).</param>
    /// <param name="recipients">The recipient count (already checked against the header length).</param>
    /// <exception cref="RecordingFormatException">A field is out of range.</exception>
    public static void Check(ReadOnlySpan<byte> f, int p, int version, int recipients)
    {
        if (L.StartMonotonic.ReadInt64(f, p) < 0)
        {
            throw Bad(L.StartMonotonic, p, "start-monotonic is negative.");
        }

        long startUtc = L.StartUtc.ReadInt64(f, p);
        if (startUtc < 0 || startUtc > MaxStartUnixMilliseconds)
        {
            throw Bad(L.StartUtc, p, "start-utc is outside 1970-01-01 to 9999-12-31.");
        }

        if ((L.Flags.ReadByte(f, p) & 0xFE) != 0)
        {
            throw Bad(L.Flags, p, "Unknown flag bits are set.");
        }

        int continuation = L.ContinuationIndex.ReadUInt16(f, p);
        if (continuation > MaxContinuationIndex)
        {
            throw Bad(L.ContinuationIndex, p, "The continuation index is above " + MaxContinuationIndex + ".");
        }

        bool zeroPrevious = L.PreviousChainHash.Slice(f, p).IndexOfAnyExcept((byte)0) < 0;
        if (zeroPrevious != (continuation == 0))
        {
            throw Bad(L.PreviousChainHash, p, continuation == 0
                ? "The first file of a recording has a non-zero previous chain hash."
                : "A continuation file has an all-zero previous chain hash.");
        }

        int codec = L.VideoCodec.ReadByte(f, p);
        if (codec < 1 || codec > 3)
        {
            throw Bad(L.VideoCodec, p, "Unknown video codec " + codec + ".");
        }

        if (L.Width.ReadUInt16(f, p) < 1)
        {
            throw Bad(L.Width, p, "The width is 0.");
        }

        if (L.Height.ReadUInt16(f, p) < 1)
        {
            throw Bad(L.Height, p, "The height is 0.");
        }

        int fps = L.FramesPerSecond.ReadUInt16(f, p);
        if (fps < 1 || fps > MaxFramesPerSecond)
        {
            throw Bad(L.FramesPerSecond, p, "The frame rate is outside 1 to " + MaxFramesPerSecond + ".");
        }

        uint rate = L.AudioSampleRate.ReadUInt32(f, p);
        if (rate != 0 && (rate < MinAudioSampleRate || rate > MaxAudioSampleRate))
        {
            throw Bad(L.AudioSampleRate, p, "The audio sample rate is neither 0 nor " + MinAudioSampleRate + " to " + MaxAudioSampleRate + ".");
        }

        int format = L.AudioFormat.ReadByte(f, p);
        if (format > 1 || (format == 0) != (rate == 0))
        {
            throw Bad(L.AudioFormat, p, "Audio format " + format + " with sample rate " + rate + " is not defined (0 with rate 0, or 1 with a rate).");
        }

        if (L.AudioChannels.ReadByte(f, p) != format)
        {
            throw Bad(L.AudioChannels, p, "Audio channels must be 0 without audio and 1 (mono) with it.");
        }

        long segmentMs = L.SegmentMaxMilliseconds.ReadUInt32(f, p);
        long segmentMsLimit = version >= 2 ? MaxUnsignedTailMillisecondsV2 : uint.MaxValue;
        if (segmentMs < 1 || segmentMs > segmentMsLimit)
        {
            throw Bad(L.SegmentMaxMilliseconds, p, "segment-max-ms is outside 1 to " + segmentMsLimit + ".");
        }

        long segmentBytes = L.SegmentMaxBytes.ReadUInt32(f, p);
        if (segmentBytes < MinSegmentMaxBytes || segmentBytes > MaxSegmentMaxBytes)
        {
            throw Bad(L.SegmentMaxBytes, p, "segment-max-bytes is outside " + MinSegmentMaxBytes + " to " + MaxSegmentMaxBytes + ".");
        }

        int interval = L.CheckpointInterval.ReadUInt16(f, p);
        int intervalLimit = version >= 2 ? MaxCheckpointIntervalV2 : ushort.MaxValue;
        if (interval < 1 || interval > intervalLimit || (version >= 2 && interval * segmentMs > MaxUnsignedTailMillisecondsV2))
        {
            throw Bad(L.CheckpointInterval, p, version >= 2
                ? "checkpoint-interval must be 1 to 10 with checkpoint-interval x segment-max-ms at most 10000 ms."
                : "checkpoint-interval is 0.");
        }

        if (L.FileMaxBytes.ReadInt64(f, p) < 1)
        {
            throw Bad(L.FileMaxBytes, p, "file-max-bytes is not positive.");
        }

        if (L.FileMaxMilliseconds.ReadUInt32(f, p) < 1)
        {
            throw Bad(L.FileMaxMilliseconds, p, "file-max-ms is 0.");
        }

        // Two stanzas for one recipient key: a recipient must find exactly one stanza.
        int first = L.RecipientStanzas.At(p);
        for (int i = 1; i < recipients; i++)
        {
            ReadOnlySpan<byte> key = L.StanzaRecipientKey.Slice(f, first + (i * RecordingConstants.StanzaSize));
            for (int j = 0; j < i; j++)
            {
                if (key.SequenceEqual(L.StanzaRecipientKey.Slice(f, first + (j * RecordingConstants.StanzaSize))))
                {
                    throw new RecordingFormatException(
                        RecordingFormatError.MalformedHeader,
                        -1,
                        first + (i * RecordingConstants.StanzaSize),
                        "Recipient stanza " + (i + 1) + " is for the same key as stanza " + (j + 1) + ".");
                }
            }
        }
    }

    private static RecordingFormatException Bad(HeaderField field, int p, string message)
    {
        return new RecordingFormatException(RecordingFormatError.MalformedHeader, -1, field.At(p), message);
    }
}
