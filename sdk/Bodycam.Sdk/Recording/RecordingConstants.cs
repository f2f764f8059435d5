using System.Text;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// Constants of the recording file format, versions 1 and 2 (docs/recording-format.md): the SDK's one definition of them.
/// The header's field offsets are in <see cref="RecordingHeaderLayout"/>. The firmware has its own definition (the
/// SDK does not reference it); tests/Bodycam.Conformance.Tests pins the two to each other and to the document.
/// </summary>
public static class RecordingConstants
{
    /// <summary>The newest format version this SDK reads (the version the device writes).</summary>
    public const int Version = 2;

    /// <summary>The previous format version, still read: no open record, unbounded checkpoint interval.</summary>
    public const int Version1 = 1;

    /// <summary>The largest checkpoint interval K a version 2 header may carry.</summary>
    public const int MaxCheckpointInterval = 10;

    /// <summary>The largest segment-max-ms a version 2 header may carry.</summary>
    public const int MaxSegmentMilliseconds = 10000;

    /// <summary>The bound on K x segment-max-ms in a version 2 header: the most media after the last signed record.</summary>
    public const int MaxUnsignedTailMilliseconds = 10000;

    /// <summary>Bytes before the header's variable part: magic (6), version (2), header length (4).</summary>
    public const int PreambleSize = 12;

    /// <summary>Header bytes from the magic up to the device id.</summary>
    public const int HeaderFixedPrefixSize = 61;

    /// <summary>Header bytes between the device id and the recipient stanzas.</summary>
    public const int HeaderFixedSuffixSize = 87;

    /// <summary>Bytes of one X25519 recipient stanza.</summary>
    public const int StanzaSize = 113;

    /// <summary>The most recipients a header may carry.</summary>
    public const int MaxRecipients = 16;

    /// <summary>The longest device id in bytes.</summary>
    public const int MaxDeviceIdLength = 64;

    /// <summary>Bytes before a record's body: type (1) and body length (4).</summary>
    public const int RecordHeaderSize = 5;

    /// <summary>Bytes of a segment body besides the ciphertext: index (4), flags (1), tag (16).</summary>
    public const int SegmentOverhead = 21;

    /// <summary>Bytes of a frame or marker record's header inside a segment's plaintext.</summary>
    public const int FrameHeaderSize = 14;

    /// <summary>Body length of an open record (version 2).</summary>
    public const int OpenBodySize = 108;

    /// <summary>Body length of a checkpoint record.</summary>
    public const int CheckpointBodySize = 104;

    /// <summary>Body length of a close record.</summary>
    public const int CloseBodySize = 113;

    /// <summary>Body length of a closed-by-recovery record.</summary>
    public const int RecoveryBodySize = 116;

    /// <summary>Record type of an encrypted segment.</summary>
    public const byte RecordSegment = 1;

    /// <summary>Record type of a signed checkpoint.</summary>
    public const byte RecordCheckpoint = 2;

    /// <summary>Record type of a signed close.</summary>
    public const byte RecordClose = 3;

    /// <summary>Record type of a signed "closed by recovery" record.</summary>
    public const byte RecordRecoveryClose = 4;

    /// <summary>Record type of a signed open record (version 2: the first record after the header, exactly once).</summary>
    public const byte RecordOpen = 5;

    /// <summary>Stanza type of an X25519 recipient stanza.</summary>
    public const byte StanzaX25519 = 1;

    /// <summary>Frame record kind of a marker (video is 1, audio 2).</summary>
    public const byte FrameMarker = 3;

    /// <summary>The size of a SHA-256 digest.</summary>
    public const int HashSize = 32;

    /// <summary>The size of an Ed25519 signature.</summary>
    public const int SignatureSize = 64;

    /// <summary>The size of AES-256, X25519 and Ed25519 keys.</summary>
    public const int KeySize = 32;

    /// <summary>The size of an AES-GCM tag.</summary>
    public const int TagSize = 16;

    /// <summary>The size of an AES-GCM nonce.</summary>
    public const int NonceSize = 12;

    /// <summary>The file magic, <c>BCAMRF</c> in ASCII.</summary>
    public const string MagicText = "BCAMRF";

    /// <summary>HKDF info for wrap keys (recipient stanzas).</summary>
    public const string RecipientLabelText = "bodycam/v1/recipient";

    /// <summary>HKDF info for the payload key.</summary>
    public const string PayloadLabelText = "bodycam/v1/payload";

    /// <summary>Prefix of every message the device signs in a recording.</summary>
    public const string SignatureLabelText = "bodycam/v1/record-signature";

    /// <summary>Gets the file magic's bytes.</summary>
    internal static byte[] Magic { get; } = Encoding.ASCII.GetBytes(MagicText);

    /// <summary>Gets the recipient label's bytes.</summary>
    internal static byte[] RecipientLabel { get; } = Encoding.ASCII.GetBytes(RecipientLabelText);

    /// <summary>Gets the payload label's bytes.</summary>
    internal static byte[] PayloadLabel { get; } = Encoding.ASCII.GetBytes(PayloadLabelText);

    /// <summary>Gets the signature label's bytes.</summary>
    internal static byte[] SignatureLabel { get; } = Encoding.ASCII.GetBytes(SignatureLabelText);
}
