namespace Bodycam.Firmware.Dock;

/// <summary>Constants of the dock protocol's framing and authentication (docs/dock-protocol.md).</summary>
public static class DockProtocol
{
    /// <summary>First magic byte ('B'); the four magic bytes spell "BCDK".</summary>
    public const byte Magic0 = 0x42;

    /// <summary>Second magic byte ('C').</summary>
    public const byte Magic1 = 0x43;

    /// <summary>Third magic byte ('D').</summary>
    public const byte Magic2 = 0x44;

    /// <summary>Fourth magic byte ('K').</summary>
    public const byte Magic3 = 0x4B;

    /// <summary>The frame format version (byte 4 of every frame).</summary>
    public const byte FrameVersion = 1;

    /// <summary>Magic (4), frame version (1), type (1), request id (2), payload length (4).</summary>
    public const int HeaderSize = 12;

    /// <summary>The CRC-32 after the payload.</summary>
    public const int TrailerSize = 4;

    /// <summary>The largest payload any party may send; longer length fields are oversize at once.</summary>
    public const int AbsoluteMaxPayload = 1048576;

    /// <summary>Set in a response's type byte.</summary>
    public const int ResponseFlag = 0x80;

    /// <summary>The lowest protocol version this firmware speaks (version 2: mutual authentication, split info).</summary>
    public const byte MinProtocolVersion = 2;

    /// <summary>The highest protocol version this firmware speaks.</summary>
    public const byte MaxProtocolVersion = 2;

    /// <summary>Length of an authentication challenge.</summary>
    public const int ChallengeSize = 32;

    /// <summary>Length of a SHA-256 digest.</summary>
    public const int HashSize = 32;

    /// <summary>Length of an Ed25519 key.</summary>
    public const int KeySize = 32;

    /// <summary>Length of an Ed25519 signature.</summary>
    public const int SignatureSize = 64;

    /// <summary>Longest string field (device id, municipality id, file name) in bytes.</summary>
    public const int MaxStringLength = 64;

    /// <summary>
    /// Audit subject suffix (ClockSet, Offloaded; docs/audit-trail.md) naming a session opened with the authority key,
    /// followed by <see cref="AuditKeyFingerprintBytes"/> bytes of the key's SHA-256 in lower-case hex.
    /// </summary>
    public const string AuditKeyAuthorityPrefix = ";key=authority:";

    /// <summary>Audit subject suffix naming a session opened with a certified dock key, followed by the fingerprint.</summary>
    public const string AuditKeyDockPrefix = ";key=dock:";

    /// <summary>The bytes of the SHA-256 of the session's public key an audit subject names it by (16 hex digits).</summary>
    public const int AuditKeyFingerprintBytes = 8;

    /// <summary>
    /// The longest key suffix: the authority prefix (15 characters) and the fingerprint, 31 characters. With a file
    /// name of at most <see cref="MaxStringLength"/> an Offloaded subject is at most 95 characters, within the audit
    /// format's 96.
    /// </summary>
    public const int AuditKeySuffixMaxLength = 15 + (AuditKeyFingerprintBytes * 2);

    /// <summary>Session mode: signed by the municipality's authority key.</summary>
    public const byte ModeAuthority = 1;

    /// <summary>Session mode: signed by a dock key with a certificate from the authority.</summary>
    public const byte ModeDockCertificate = 2;

    /// <summary>Domain label in front of the signed challenge answer.</summary>
    public const string AuthLabel = "BODYCAM-DOCK-AUTH-V1";

    /// <summary>Domain label in front of the device's signed proof of its device key (the answer to AuthProve).</summary>
    public const string DeviceProofLabel = "BODYCAM-DOCK-DEVICE-V2";

    /// <summary>Domain label in front of the first link of a ConfirmRecording manifest digest.</summary>
    public const string ConfirmLabel = "BODYCAM-CONFIRM-V2";

    /// <summary>Domain label in front of the first link of a ConfirmRecordingChain manifest digest.</summary>
    public const string ConfirmChainLabel = "BODYCAM-CONFIRM-CHAIN";

    /// <summary>
    /// HashMismatch detail of ConfirmRecordingChain: the manifest digest differs. A detail of 1 + i instead says that
    /// file i of the recording (listing order) does not end in a close or closed-by-recovery record.
    /// </summary>
    public const uint DetailDigestDiffers = 0;

    /// <summary>HashMismatch detail of ConfirmRecordingChain for file 0 without a close record; file i gives this + i.</summary>
    public const uint DetailNoCloseRecordBase = 1;

    /// <summary>The most files a recording may span (docs/recording-format.md), so the most one ConfirmRecording covers.</summary>
    public const int MaxRecordingFiles = 1000;

    /// <summary>The most files one ConfirmOffload names.</summary>
    public const int MaxConfirmFiles = 16;

    /// <summary>BadRequest detail: the payload is malformed (short, long, a field out of range, a bad str8).</summary>
    public const uint DetailMalformed = 0;

    /// <summary>BadRequest detail: the device rejected a configuration document.</summary>
    public const uint DetailConfigurationRejected = 1;

    /// <summary>BadRequest detail: a confirm does not cover a whole recording.</summary>
    public const uint DetailIncompleteRecording = 2;

    /// <summary>BadRequest detail: a confirm names a file twice.</summary>
    public const uint DetailDuplicateName = 3;

    /// <summary>BadRequest detail: a clock value outside the accepted range.</summary>
    public const uint DetailTimeOutOfRange = 4;

    /// <summary>Forbidden detail: the command needs the authority key itself.</summary>
    public const uint DetailAuthorityOnly = 0;

    /// <summary>Forbidden detail: a dock key's clock change beyond its bound.</summary>
    public const uint DetailClockStepTooLarge = 1;

    /// <summary>Domain label in front of a dock key certificate.</summary>
    public const string CertificateLabel = "BODYCAM-DOCK-CERT-V1";

    /// <summary>Domain label in front of a signed configuration.</summary>
    public const string ConfigurationLabel = "BODYCAM-CONFIG-V1";

    /// <summary>Domain label in front of a signed provisioning request.</summary>
    public const string ProvisionLabel = "BODYCAM-PROVISION-V1";
}
