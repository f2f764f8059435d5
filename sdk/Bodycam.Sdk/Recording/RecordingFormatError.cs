namespace Bodycam.Sdk.Recording;

/// <summary>Why a recording file failed to read or verify (docs/recording-format.md, "Verification").</summary>
public enum RecordingFormatError
{
    /// <summary>The file does not start with the recording magic.</summary>
    BadMagic = 1,

    /// <summary>The format version is not one this reader knows.</summary>
    UnsupportedVersion = 2,

    /// <summary>The file ends inside its header.</summary>
    TruncatedHeader = 3,

    /// <summary>The header's fields are inconsistent (lengths, counts, values out of range).</summary>
    MalformedHeader = 4,

    /// <summary>The header names a different device key than the one the recording was checked against.</summary>
    DeviceKeyMismatch = 5,

    /// <summary>A recipient stanza for the given key does not open (the header was altered).</summary>
    RecipientStanzaInvalid = 6,

    /// <summary>A record has an unknown type.</summary>
    UnknownRecordType = 7,

    /// <summary>A record's length is impossible for its type.</summary>
    BadRecordLength = 8,

    /// <summary>A segment's index is not the next one (reordered, duplicated, removed or spliced segments).</summary>
    SegmentOutOfOrder = 9,

    /// <summary>A segment follows the segment marked last.</summary>
    SegmentAfterLast = 10,

    /// <summary>A segment's flags byte has unknown bits.</summary>
    BadSegmentFlags = 11,

    /// <summary>A segment failed AES-GCM authentication (altered, moved, or from another recording).</summary>
    AuthenticationFailed = 12,

    /// <summary>An authenticated segment's plaintext is not a valid list of frame records.</summary>
    MalformedSegmentPlaintext = 13,

    /// <summary>A signed record's segment or record count does not match the file.</summary>
    CountMismatch = 14,

    /// <summary>A signed record's chain hash does not match the records before it.</summary>
    ChainMismatch = 15,

    /// <summary>A signed record's Ed25519 signature is not the device's.</summary>
    SignatureInvalid = 16,

    /// <summary>A close record comes without a segment marked last before it.</summary>
    MissingLastSegment = 17,

    /// <summary>Bytes follow the close record.</summary>
    TrailingData = 18,

    /// <summary>A close record's reason is unknown.</summary>
    BadCloseReason = 19,

    /// <summary>A continuation file does not link to the file before it.</summary>
    ContinuationMismatch = 20,

    /// <summary>The recording was not complete where completeness was required (see the result's status).</summary>
    NotComplete = 21,

    /// <summary>A version 2 file whose first record after the header is not the open record.</summary>
    OpenRecordMissing = 22,

    /// <summary>A version 2 file with an open record anywhere but first.</summary>
    OpenRecordMisplaced = 23,

    /// <summary>
    /// A checkpoint is not where the interval K puts it (right after segment K-1, 2K-1, ... unless that segment is the
    /// last), or a segment follows segment mK-1 without the checkpoint between them. Numbered apart from the format
    /// version 2 errors so the two sets never collide.
    /// </summary>
    CheckpointMisplaced = 30,
}
