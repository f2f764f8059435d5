using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Sdk.Dock;

namespace Bodycam.Sdk.Audit;

/// <summary>
/// Verifies and parses a device's audit trail with only the device's public key (docs/audit-trail.md): the chain
/// link_n = SHA-256(link_n-1 || body_n) from link_0 = SHA-256(label || device key), and each record's Ed25519
/// signature over label || link_n. Reads record formats 1 and 2, also mixed in one trail (a device updated to
/// format-2 firmware continues its format-1 trail in the same chain).
/// </summary>
public static class AuditTrailVerifier
{
    /// <summary>The domain label.</summary>
    public const string Label = "BODYCAM-AUDIT-V1";

    /// <summary>The record format the device writes.</summary>
    public const int FormatVersion = 2;

    private const int FixedBodySize = 16;
    private const int FixedBodySize1 = 24;
    private const int MaxSubjectLength = 96;
    private const int SignatureSize = 64;

    /// <summary>Verifies a trail.</summary>
    /// <param name="trail">The trail's bytes.</param>
    /// <param name="devicePublicKey">The device's 32-byte Ed25519 public key.</param>
    /// <returns>The records and the outcome.</returns>
    public static AuditVerification Verify(ReadOnlySpan<byte> trail, ReadOnlySpan<byte> devicePublicKey)
    {
        if (devicePublicKey.Length != 32)
        {
            throw new ArgumentException("A device public key has 32 bytes.", nameof(devicePublicKey));
        }

        byte[] label = Encoding.ASCII.GetBytes(Label);
        byte[] link = SHA256.HashData([.. label, .. devicePublicKey]);
        List<AuditRecord> records = [];
        int p = 0;
        while (p < trail.Length)
        {
            if (trail.Length - p < 2)
            {
                return new AuditVerification(AuditTrailStatus.Truncated, records, p, "The trail ends inside a record's length.");
            }

            int bodyLength = BinaryPrimitives.ReadUInt16LittleEndian(trail[p..]);
            if (bodyLength < FixedBodySize || bodyLength > FixedBodySize1 + MaxSubjectLength)
            {
                return Fail(records, p, $"Record {records.Count} has an impossible length {bodyLength}.");
            }

            int recordLength = 2 + bodyLength + SignatureSize;
            if (trail.Length - p < recordLength)
            {
                return new AuditVerification(AuditTrailStatus.Truncated, records, p, "The trail ends inside a record.");
            }

            ReadOnlySpan<byte> body = trail.Slice(p + 2, bodyLength);
            ReadOnlySpan<byte> signature = trail.Slice(p + 2 + bodyLength, SignatureSize);
            link = SHA256.HashData([.. link, .. body]);
            if (!Ed25519DockSigner.Verify(devicePublicKey, [.. label, .. link], signature))
            {
                return Fail(records, p, $"Record {records.Count}: the signature does not verify (altered, reordered or removed records).");
            }

            string? error = Parse(body, records.Count, p, out AuditRecord? record);
            if (error != null)
            {
                return Fail(records, p, $"Record {records.Count}: {error}");
            }

            records.Add(record!);
            p += recordLength;
        }

        return new AuditVerification(AuditTrailStatus.Valid, records, -1, string.Empty);
    }

    // Reads a signed body; returns why it is malformed, or null. The signature already verified: a malformed record
    // was written so by the key's holder and is reported, never thrown.
    private static string? Parse(ReadOnlySpan<byte> body, int index, int offset, out AuditRecord? record)
    {
        record = null;
        int version = body[0];
        int fixedSize = version == 1 ? FixedBodySize1 : FixedBodySize;
        if (version != 1 && version != FormatVersion)
        {
            return $"unknown format version {version}.";
        }

        if (body.Length < fixedSize || body.Length > fixedSize + MaxSubjectLength)
        {
            return $"length {body.Length} is impossible in format {version}.";
        }

        long sequence = BinaryPrimitives.ReadUInt32LittleEndian(body[1..]);
        if (sequence != index)
        {
            return $"carries sequence {sequence}.";
        }

        AuditEventKind kind = (AuditEventKind)body[5];
        AuditTimeBase timeBase;
        long time;
        if (version == 1)
        {
            // Format 1: monotonic ms since power-on at 6 (verified with the body, not returned), clock flag at 14, UTC at 15.
            timeBase = body[14] != 0 ? AuditTimeBase.Utc : AuditTimeBase.None;
            time = timeBase == AuditTimeBase.Utc ? BinaryPrimitives.ReadInt64LittleEndian(body[15..]) : 0;
        }
        else
        {
            timeBase = (AuditTimeBase)body[6];
            time = BinaryPrimitives.ReadInt64LittleEndian(body[7..]);
            if (timeBase is not (AuditTimeBase.None or AuditTimeBase.Utc or AuditTimeBase.SinceRecordingStart))
            {
                return $"unknown time base {body[6]}.";
            }

            if ((timeBase == AuditTimeBase.None && time != 0) || (timeBase == AuditTimeBase.SinceRecordingStart && time < 0))
            {
                return $"time {time} is impossible for time base {timeBase}.";
            }
        }

        int subjectLength = body[fixedSize - 1];
        if (fixedSize + subjectLength != body.Length)
        {
            return "the subject length disagrees with the record length.";
        }

        string subject = Encoding.ASCII.GetString(body.Slice(fixedSize, subjectLength));
        record = new AuditRecord(sequence, kind, version, timeBase, time, subject, offset);
        return null;
    }

    private static AuditVerification Fail(List<AuditRecord> records, int offset, string reason)
    {
        return new AuditVerification(AuditTrailStatus.Tampered, records, offset, reason);
    }
}
