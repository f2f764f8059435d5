namespace Bodycam.Emulator.Sweeps;

/// <summary>The parts of a recording file the tamper sweep flips bytes in (docs/recording-format.md, sections 3 and 4).</summary>
public enum TamperRegion
{
    /// <summary>Magic and format version (bytes 0 to 7).</summary>
    MagicVersion = 0,

    /// <summary>Header fields: length, recording id, device key and id, times, flags, media and limits, stanza count.</summary>
    HeaderFields = 1,

    /// <summary>The continuation index and the previous file's final chain hash in the header.</summary>
    ContinuationLink = 2,

    /// <summary>A recipient stanza (type, recipient key, ephemeral key, sealed content key, tag).</summary>
    RecipientStanza = 3,

    /// <summary>A segment's record type, body length, segment index and flags.</summary>
    SegmentHeader = 4,

    /// <summary>A segment's ciphertext.</summary>
    SegmentCiphertext = 5,

    /// <summary>A segment's GCM tag.</summary>
    SegmentTag = 6,

    /// <summary>A signed checkpoint record.</summary>
    Checkpoint = 7,

    /// <summary>The signed close record.</summary>
    Close = 8,

    /// <summary>The signed closed-by-recovery record.</summary>
    Recovery = 9,
}
