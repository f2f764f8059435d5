using System.Collections.Generic;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// The recording header's layout, version 1 (docs/recording-format.md, "3. Header" and "3.1 Recipient stanza"): the
/// one place in the SDK that says where each header field sits. The header has three parts: the prefix, whose
/// offsets count from the file start; the suffix, whose offsets count from <c>p</c>, the end of the device id; and the
/// recipient stanzas, whose offsets count from the start of each stanza. Each part's fields follow each other without
/// gaps, and the prefix and suffix end where <see cref="RecordingConstants.HeaderFixedPrefixSize"/>,
/// <see cref="RecordingConstants.HeaderFixedSuffixSize"/> and <see cref="RecordingConstants.StanzaSize"/> say (the
/// conformance tests check both, and pin this layout to the firmware's and to the spec's table).
/// </summary>
public static class RecordingHeaderLayout
{
    /// <summary>The file magic, <c>BCAMRF</c>.</summary>
    public static readonly HeaderField Magic = new("magic", 0, 6);

    /// <summary>The format version.</summary>
    public static readonly HeaderField Version = new("version", 6, 2);

    /// <summary>The header length <c>H_LEN</c>.</summary>
    public static readonly HeaderField HeaderLength = new("header-length", 8, 4);

    /// <summary>The recording id.</summary>
    public static readonly HeaderField RecordingId = new("recording-id", 12, 16);

    /// <summary>The device's Ed25519 public key.</summary>
    public static readonly HeaderField DeviceKey = new("device-key", 28, 32);

    /// <summary>The device id's length <c>n</c>.</summary>
    public static readonly HeaderField DeviceIdLength = new("device-id-length", 60, 1);

    /// <summary>The device id (<c>n</c> bytes); it ends at <c>p</c>, the suffix's origin.</summary>
    public static readonly HeaderField DeviceId = new("device-id", RecordingConstants.HeaderFixedPrefixSize, 0);

    /// <summary>The file's start on the monotonic clock (suffix).</summary>
    public static readonly HeaderField StartMonotonic = new("start-monotonic", 0, 8);

    /// <summary>The file's start in UTC (suffix).</summary>
    public static readonly HeaderField StartUtc = new("start-utc", 8, 8);

    /// <summary>The flags; bit 0: clock synchronised (suffix).</summary>
    public static readonly HeaderField Flags = new("flags", 16, 1);

    /// <summary>The continuation index (suffix).</summary>
    public static readonly HeaderField ContinuationIndex = new("continuation-index", 17, 2);

    /// <summary>The previous file's final chain hash (suffix).</summary>
    public static readonly HeaderField PreviousChainHash = new("previous-chain-hash", 19, 32);

    /// <summary>The video codec (suffix).</summary>
    public static readonly HeaderField VideoCodec = new("video-codec", 51, 1);

    /// <summary>The width in pixels (suffix).</summary>
    public static readonly HeaderField Width = new("width", 52, 2);

    /// <summary>The height in pixels (suffix).</summary>
    public static readonly HeaderField Height = new("height", 54, 2);

    /// <summary>The nominal frames per second (suffix).</summary>
    public static readonly HeaderField FramesPerSecond = new("frames-per-second", 56, 2);

    /// <summary>The audio sample rate (suffix).</summary>
    public static readonly HeaderField AudioSampleRate = new("audio-sample-rate", 58, 4);

    /// <summary>The audio format (suffix).</summary>
    public static readonly HeaderField AudioFormat = new("audio-format", 62, 1);

    /// <summary>The audio channels (suffix).</summary>
    public static readonly HeaderField AudioChannels = new("audio-channels", 63, 1);

    /// <summary>The segment duration limit in ms (suffix).</summary>
    public static readonly HeaderField SegmentMaxMilliseconds = new("segment-max-ms", 64, 4);

    /// <summary>The segment plaintext limit <c>SEG_MAX</c> (suffix).</summary>
    public static readonly HeaderField SegmentMaxBytes = new("segment-max-bytes", 68, 4);

    /// <summary>The checkpoint interval <c>K</c> (suffix).</summary>
    public static readonly HeaderField CheckpointInterval = new("checkpoint-interval", 72, 2);

    /// <summary>The file size limit (suffix).</summary>
    public static readonly HeaderField FileMaxBytes = new("file-max-bytes", 74, 8);

    /// <summary>The file duration limit in ms (suffix).</summary>
    public static readonly HeaderField FileMaxMilliseconds = new("file-max-ms", 82, 4);

    /// <summary>The number of recipient stanzas <c>R</c> (suffix).</summary>
    public static readonly HeaderField RecipientCount = new("recipient-count", 86, 1);

    /// <summary>The recipient stanzas, <c>R</c> of <see cref="RecordingConstants.StanzaSize"/> bytes (suffix).</summary>
    public static readonly HeaderField RecipientStanzas = new("recipient-stanzas", RecordingConstants.HeaderFixedSuffixSize, 0);

    /// <summary>The stanza type, 1 for X25519 (stanza).</summary>
    public static readonly HeaderField StanzaType = new("stanza-type", 0, 1);

    /// <summary>The recipient's X25519 public key (stanza).</summary>
    public static readonly HeaderField StanzaRecipientKey = new("recipient-key", 1, 32);

    /// <summary>The ephemeral X25519 public key (stanza).</summary>
    public static readonly HeaderField StanzaEphemeralKey = new("ephemeral-key", 33, 32);

    /// <summary>The sealed content key (stanza).</summary>
    public static readonly HeaderField StanzaSealedKey = new("sealed-content-key", 65, 32);

    /// <summary>The sealed content key's AES-GCM tag (stanza).</summary>
    public static readonly HeaderField StanzaTag = new("sealed-content-key-tag", 97, 16);

    /// <summary>Gets the prefix's fields in order (offsets from the file start).</summary>
    public static IReadOnlyList<HeaderField> PrefixFields { get; } =
        [Magic, Version, HeaderLength, RecordingId, DeviceKey, DeviceIdLength, DeviceId];

    /// <summary>Gets the suffix's fields in order (offsets from <c>p</c>, the end of the device id).</summary>
    public static IReadOnlyList<HeaderField> SuffixFields { get; } =
    [
        StartMonotonic, StartUtc, Flags, ContinuationIndex, PreviousChainHash, VideoCodec, Width, Height,
        FramesPerSecond, AudioSampleRate, AudioFormat, AudioChannels, SegmentMaxMilliseconds, SegmentMaxBytes,
        CheckpointInterval, FileMaxBytes, FileMaxMilliseconds, RecipientCount, RecipientStanzas,
    ];

    /// <summary>Gets a recipient stanza's fields in order (offsets from the stanza's start).</summary>
    public static IReadOnlyList<HeaderField> StanzaFields { get; } =
        [StanzaType, StanzaRecipientKey, StanzaEphemeralKey, StanzaSealedKey, StanzaTag];

    /// <summary>Gets <c>p</c>, the suffix's origin, for a device id of <paramref name="deviceIdLength"/> bytes.</summary>
    /// <param name="deviceIdLength">The device id's length <c>n</c>.</param>
    /// <returns><c>61 + n</c>.</returns>
    public static int SuffixOrigin(int deviceIdLength) => DeviceId.Offset + deviceIdLength;
}
