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
/// signature over label || link_n.
/// </summary>
public static class AuditTrailVerifier
{
    private static readonly long s_minUnix = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long s_maxUnix = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The domain label.</summary>
    public const string Label = "BODYCAM-AUDIT-V1";

    private const int FixedBodySize = 24;
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
            if (bodyLength < FixedBodySize || bodyLength > FixedBodySize + MaxSubjectLength)
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

            if (body[0] != 1)
            {
                return Fail(records, p, $"Record {records.Count}: unknown format version {body[0]}.");
            }

            long sequence = BinaryPrimitives.ReadUInt32LittleEndian(body[1..]);
            if (sequence != records.Count)
            {
                return Fail(records, p, $"Record {records.Count} carries sequence {sequence}.");
            }

            AuditEventKind kind = (AuditEventKind)body[5];
            long monotonic = BinaryPrimitives.ReadInt64LittleEndian(body[6..]);
            bool clockSet = body[14] != 0;
            long unix = BinaryPrimitives.ReadInt64LittleEndian(body[15..]);
            int subjectLength = body[23];
            if (FixedBodySize + subjectLength != bodyLength)
            {
                return Fail(records, p, $"Record {records.Count}: the subject length disagrees with the record length.");
            }

            string subject = Encoding.ASCII.GetString(body.Slice(FixedBodySize, subjectLength));
            // A stored time outside what DateTimeOffset holds (a clock once set to INT64_MAX) reads as "no time",
            // never as a crash: the record itself still verified.
            bool representable = unix >= s_minUnix && unix <= s_maxUnix;
            records.Add(new AuditRecord(sequence, kind, monotonic, clockSet && representable ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : null, subject, p));
            p += recordLength;
        }

        return new AuditVerification(AuditTrailStatus.Valid, records, -1, string.Empty);
    }

    private static AuditVerification Fail(List<AuditRecord> records, int offset, string reason)
    {
        return new AuditVerification(AuditTrailStatus.Tampered, records, offset, reason);
    }
}
