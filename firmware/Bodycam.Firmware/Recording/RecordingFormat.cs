using System;

namespace Bodycam.Firmware.Recording;

/// <summary>
/// Constants of the recording file format, version 2 (docs/recording-format.md); the header's field offsets are in
/// <see cref="RecordingHeaderLayout"/>. The SDK carries its own definition of these values (it depends on the
/// document, not on the firmware); tests/Bodycam.Conformance.Tests pins the two to each other and to the document.
/// </summary>
public static class RecordingFormat
{
    /// <summary>The format version the device writes in every file.</summary>
    public const int Version = 2;

    /// <summary>The previous format version (no open record, unbounded checkpoint interval), still read by hosts.</summary>
    public const int Version1 = 1;

    /// <summary>The largest checkpoint interval K a version 2 header may carry.</summary>
    public const int MaxCheckpointInterval = 10;

    /// <summary>The largest segment-max-ms a version 2 header may carry.</summary>
    public const int MaxSegmentMilliseconds = 10000;

    /// <summary>The bound on K x segment-max-ms: the most media after the last signed record, in milliseconds.</summary>
    public const int MaxUnsignedTailMilliseconds = 10000;

    /// <summary>Bytes before the header's variable part: magic (6), version (2), header length (4).</summary>
    public const int PreambleSize = 12;

    /// <summary>Header bytes from the magic up to the device id: preamble, recording id (16), device key (32), id length (1).</summary>
    public const int HeaderFixedPrefixSize = 61;

    /// <summary>Header bytes between the device id and the recipient stanzas.</summary>
    public const int HeaderFixedSuffixSize = 87;

    /// <summary>Bytes of one X25519 recipient stanza: type, recipient key, ephemeral key, sealed content key, tag.</summary>
    public const int StanzaSize = 113;

    /// <summary>The most recipients a header may carry.</summary>
    public const int MaxRecipients = 16;

    /// <summary>The longest device id in bytes.</summary>
    public const int MaxDeviceIdLength = 64;

    /// <summary>The largest header: fixed parts, the longest device id and the most stanzas.</summary>
    public const int MaxHeaderSize = HeaderFixedPrefixSize + MaxDeviceIdLength + HeaderFixedSuffixSize + (MaxRecipients * StanzaSize);

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

    /// <summary>Where a close record's body holds the chain value before the record (docs/recording-format.md §4.3).</summary>
    public const int CloseChainOffset = 17;

    /// <summary>Where a closed-by-recovery record's body holds the chain value before the record.</summary>
    public const int RecoveryChainOffset = 20;

    /// <summary>Record type of an encrypted segment.</summary>
    public const byte RecordSegment = 1;

    /// <summary>Record type of a signed checkpoint.</summary>
    public const byte RecordCheckpoint = 2;

    /// <summary>Record type of a signed close.</summary>
    public const byte RecordClose = 3;

    /// <summary>Record type of a signed "closed by recovery" record.</summary>
    public const byte RecordRecoveryClose = 4;

    /// <summary>Record type of a signed open record (version 2: the first record after the header).</summary>
    public const byte RecordOpen = 5;

    /// <summary>Stanza type of an X25519 recipient stanza (docs/recording-format.md, "3.1 Recipient stanza").</summary>
    public const byte StanzaX25519 = 1;

    /// <summary>Frame record kind of a marker (video and audio use <see cref="Hal.FrameKind"/>'s values 1 and 2).</summary>
    public const byte FrameMarker = 3;

    /// <summary>The file name extension of recording files.</summary>
    public const string FileExtension = ".bcr";

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

    /// <summary>The file magic, "BCAMRF" in ASCII.</summary>
    internal static readonly byte[] Magic = Ascii("BCAMRF");

    /// <summary>HKDF info for wrap keys (recipient stanzas).</summary>
    internal static readonly byte[] RecipientLabel = Ascii("bodycam/v1/recipient");

    /// <summary>HKDF info for the payload key.</summary>
    internal static readonly byte[] PayloadLabel = Ascii("bodycam/v1/payload");

    /// <summary>Prefix of every message the device signs in a recording.</summary>
    internal static readonly byte[] SignatureLabel = Ascii("bodycam/v1/record-signature");

    /// <summary>Encodes an ASCII string (nanoFramework-safe: no Encoding dependency).</summary>
    /// <param name="text">ASCII text.</param>
    /// <returns>The bytes.</returns>
    internal static byte[] Ascii(string text)
    {
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    /// <summary>Builds a file name: recording id, "-", three-digit continuation index, extension.</summary>
    /// <param name="recordingId">The recording id (32 hex digits).</param>
    /// <param name="continuationIndex">0 for the first file.</param>
    /// <returns>The file name.</returns>
    public static string FileName(string recordingId, int continuationIndex)
    {
        char[] digits = new char[3];
        digits[0] = (char)('0' + ((continuationIndex / 100) % 10));
        digits[1] = (char)('0' + ((continuationIndex / 10) % 10));
        digits[2] = (char)('0' + (continuationIndex % 10));
        return recordingId + "-" + new string(digits) + FileExtension;
    }

    /// <summary>Tries to split a file name into recording id and continuation index.</summary>
    /// <param name="fileName">The file name.</param>
    /// <param name="recordingId">The recording id, or an empty string.</param>
    /// <param name="continuationIndex">The continuation index, or -1.</param>
    /// <returns>True when the name is a recording file's.</returns>
    public static bool TryParseFileName(string fileName, out string recordingId, out int continuationIndex)
    {
        recordingId = string.Empty;
        continuationIndex = -1;

        // 32 hex digits, '-', 3 digits, ".bcr".
        if (fileName == null || fileName.Length != 32 + 1 + 3 + FileExtension.Length)
        {
            return false;
        }

        for (int i = 0; i < 32; i++)
        {
            char c = fileName[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        if (fileName[32] != '-' || fileName.Substring(36) != FileExtension)
        {
            return false;
        }

        int index = 0;
        for (int i = 33; i < 36; i++)
        {
            char c = fileName[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            index = (index * 10) + (c - '0');
        }

        recordingId = fileName.Substring(0, 32);
        continuationIndex = index;
        return true;
    }

    /// <summary>
    /// Signs an open, checkpoint, close or recovery record in place: the device signs the label, the record type and the
    /// body up to the signature (docs/recording-format.md, "Signatures").
    /// </summary>
    /// <param name="record">The record: type, body length, body with room for the signature at its end.</param>
    /// <param name="bodySize">The body length, signature included.</param>
    /// <param name="message">Scratch for the signed message (label + 1 + body size bytes at least).</param>
    /// <param name="secureElement">The device key.</param>
    /// <returns>The length of the whole record.</returns>
    internal static int SignControlRecord(byte[] record, int bodySize, byte[] message, Hal.ISecureElement secureElement)
    {
        int label = SignatureLabel.Length;
        int signedBody = bodySize - SignatureSize;
        Array.Copy(SignatureLabel, 0, message, 0, label);
        message[label] = record[0];
        Array.Copy(record, RecordHeaderSize, message, label + 1, signedBody);
        secureElement.Sign(message, 0, label + 1 + signedBody, record, RecordHeaderSize + signedBody);
        return RecordHeaderSize + bodySize;
    }
}
