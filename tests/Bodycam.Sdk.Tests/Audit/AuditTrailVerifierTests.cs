using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Dock;
using Xunit;

namespace Bodycam.Sdk.Tests.Audit;

public class AuditTrailVerifierTests
{
    private readonly Ed25519DockSigner _device = new(Enumerable(32, 9));
    private long _clockValue = 1764400000000L;

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(253402300800000L)]
    [InlineData(-62135596800001L)]
    public void Verify_StoredClockValueBeyondTheCalendar_VerifiesWithoutTime(long unix)
    {
        // A clock once set to INT64_MAX must not make every later reading of the trail crash.
        _clockValue = unix;
        byte[] trail = Trail((8, "adjust-ms=1", true), (5, "rec-1.bcr", true));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Valid, result.Status);
        Assert.Equal(2, result.Records.Count);
        Assert.All(result.Records, r => Assert.Null(r.Time));
    }

    [Fact]
    public void Verify_StoredClockValueAtTheCalendarsEdge_KeepsTheTime()
    {
        _clockValue = 253402300799999L;
        byte[] trail = Trail((8, "adjust-ms=1", true));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds(), Assert.Single(result.Records).Time!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Verify_WellFormedTrail_ReturnsRecordsInOrder()
    {
        byte[] trail = Trail((5, "rec-1.bcr", true), (6, "rec-1.bcr", true), (8, "previous=unset", false));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Valid, result.Status);
        Assert.Equal([AuditEventKind.Offloaded, AuditEventKind.Deleted, AuditEventKind.ClockSet], result.Records.Select(r => r.Kind));
        Assert.NotNull(result.Records[0].Time);
        Assert.Null(result.Records[2].Time);
    }

    [Theory]
    [InlineData(";key=authority:0123456789abcdef", AuditKeyKind.Authority)]
    [InlineData(";key=dock:fedcba9876543210", AuditKeyKind.Dock)]
    public void Verify_OffloadedNamingTheConfirmingKey_GivesFileNameKeyKindAndFingerprint(string suffix, AuditKeyKind kind)
    {
        string name = "0123456789abcdef0123456789abcdef-000.bcr";
        byte[] trail = Trail2((5, 0, 0, name + suffix), (6, 0, 0, name));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Valid, result.Status);
        AuditRecord offloaded = result.Records[0];
        Assert.Equal(name + suffix, offloaded.Subject);
        Assert.Equal(name, offloaded.FileName);
        Assert.Equal(new AuditKey(kind, suffix[^16..]), offloaded.Key);
        Assert.Equal(suffix, offloaded.Key!.Suffix);
        Assert.Equal(name, result.Records[1].FileName);
        Assert.Null(result.Records[1].Key);
    }

    [Fact]
    public void Verify_OffloadedOfOlderFirmwareWithTheFileNameAlone_ReadsWithoutAKey()
    {
        byte[] trail = Trail2((5, 0, 0, "rec-1.bcr"));

        AuditRecord offloaded = Assert.Single(AuditTrailVerifier.Verify(trail, _device.PublicKey.Span).Records);

        Assert.Equal("rec-1.bcr", offloaded.Subject);
        Assert.Equal("rec-1.bcr", offloaded.FileName);
        Assert.Null(offloaded.Key);
    }

    [Theory]
    [InlineData("rec-1.bcr;key=authority:0123456789ABCDEF")] // upper-case hex is not what the device writes
    [InlineData("rec-1.bcr;key=authority:0123456789abcde")] // 15 digits
    [InlineData("rec-1.bcr;key=station:0123456789abcdef")] // no such kind
    [InlineData(";key=dock:0123456789abcde")]
    public void Verify_SubjectNotEndingInAKeySuffix_HasNoKeyAndKeepsTheWholeSubjectAsFileName(string subject)
    {
        byte[] trail = Trail2((5, 0, 0, subject));

        AuditRecord offloaded = Assert.Single(AuditTrailVerifier.Verify(trail, _device.PublicKey.Span).Records);

        Assert.Null(offloaded.Key);
        Assert.Equal(subject, offloaded.FileName);
    }

    [Fact]
    public void Verify_ClockSetNamesItsKey_OtherEventsNever()
    {
        byte[] trail = Trail2((8, 0, 0, "adjust-ms=-5;key=dock:0011223344556677"), (9, 0, 0, "storage-error;key=dock:0011223344556677"));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(new AuditKey(AuditKeyKind.Dock, "0011223344556677"), result.Records[0].Key);
        Assert.Null(result.Records[0].FileName);
        Assert.Null(result.Records[1].Key);
    }

    [Fact]
    public void AuditKey_FingerprintOfAndIsKey_MatchTheFirstEightBytesOfTheKeysSha256()
    {
        byte[] key = Enumerable(32, 4);
        string expected = Convert.ToHexStringLower(SHA256.HashData(key), 0, 8);

        Assert.Equal(expected, AuditKey.FingerprintOf(key));
        Assert.True(new AuditKey(AuditKeyKind.Dock, expected).IsKey(key));
        Assert.False(new AuditKey(AuditKeyKind.Dock, expected).IsKey(Enumerable(32, 5)));
        Assert.Throws<ArgumentException>(() => AuditKey.FingerprintOf(new byte[31]));
    }

    [Fact]
    public void Verify_RecordRemovedFromMiddle_Tampered()
    {
        byte[] one = Trail((5, "a", true));
        byte[] three = Trail((5, "a", true), (6, "a", true), (8, "x", true));
        int first = one.Length;
        int second = BinaryPrimitives.ReadUInt16LittleEndian(three.AsSpan(first)) + 66;
        byte[] cut = [.. three[..first], .. three[(first + second)..]];

        AuditVerification result = AuditTrailVerifier.Verify(cut, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Tampered, result.Status);
        Assert.Single(result.Records);
        Assert.Equal(first, result.FailureOffset);
    }

    [Fact]
    public void Verify_ByteFlippedInSubject_Tampered()
    {
        byte[] trail = Trail((5, "rec-1.bcr", true), (6, "rec-1.bcr", true));
        trail[2 + 16] ^= 1;

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Tampered, result.Status);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Verify_CutMidRecord_Truncated()
    {
        byte[] trail = Trail((5, "a", true), (6, "a", true));

        AuditVerification result = AuditTrailVerifier.Verify(trail[..^5], _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Truncated, result.Status);
        Assert.Single(result.Records);
    }

    [Fact]
    public void Verify_OtherDeviceKey_Tampered()
    {
        using Ed25519DockSigner other = Ed25519DockSigner.Generate();

        AuditVerification result = AuditTrailVerifier.Verify(Trail((5, "a", true)), other.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Tampered, result.Status);
    }

    [Fact]
    public void Verify_FormatTwo_ReturnsEachTimeWithItsBase()
    {
        byte[] trail = Trail2((1, 1, 1764400000000L, "rec-1"), (4, 2, 1500, "rec-1"), (5, 0, 0, "rec-1.bcr"));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Valid, result.Status);
        Assert.Equal([AuditTimeBase.Utc, AuditTimeBase.SinceRecordingStart, AuditTimeBase.None], result.Records.Select(r => r.TimeBase));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764400000000L), result.Records[0].Time);
        Assert.Null(result.Records[1].Time);
        Assert.Equal(1500, result.Records[1].SinceRecordingStartMilliseconds);
        Assert.Null(result.Records[2].Time);
        Assert.Null(result.Records[2].SinceRecordingStartMilliseconds);
        Assert.All(result.Records, r => Assert.Equal(2, r.FormatVersion));
    }

    [Fact]
    public void Verify_FormatOne_ReadsItWithoutReturningTheMonotonicTime()
    {
        byte[] trail = Trail1((1, 7_200_000, true, "rec-1"), (2, 7_260_000, false, "rec-1"));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Valid, result.Status);
        Assert.All(result.Records, r => Assert.Equal(1, r.FormatVersion));
        Assert.Equal(AuditTimeBase.Utc, result.Records[0].TimeBase);
        Assert.Equal(1764400000000L, result.Records[0].TimeMilliseconds);
        Assert.Equal(AuditTimeBase.None, result.Records[1].TimeBase);
        Assert.Equal(0, result.Records[1].TimeMilliseconds);
        Assert.DoesNotContain(result.Records, r => r.TimeMilliseconds == 7_200_000 || r.TimeMilliseconds == 7_260_000);
    }

    [Fact]
    public void Verify_FormatOneContinuedInFormatTwo_IsValid()
    {
        byte[] v1 = Trail1((1, 10, true, "rec-1"))[2..^64];
        byte[] v2 = Trail2((2, 2, 4000, "rec-1"))[2..^64];

        AuditVerification result = AuditTrailVerifier.Verify(Encode(0, v1, v2), _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Valid, result.Status);
        Assert.Equal([1, 2], result.Records.Select(r => r.FormatVersion));
    }

    [Theory]
    [InlineData(3, 0, 0L, "unknown time base 3")]
    [InlineData(0, 0, 5L, "impossible for time base None")]
    [InlineData(2, 0, -1L, "impossible for time base SinceRecordingStart")]
    [InlineData(0, 9, 0L, "unknown format version 9")]
    public void Verify_SignedButMalformedRecord_TamperedWithReason(int timeBase, int version, long time, string reason)
    {
        byte[] body = Trail2((9, timeBase, time, "x"))[2..^64];
        if (version != 0)
        {
            body[0] = (byte)version;
        }

        AuditVerification result = AuditTrailVerifier.Verify(Encode(0, body), _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Tampered, result.Status);
        Assert.Contains(reason, result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Verify_UtcOutOfRange_KeepsTheNumberAndDoesNotThrow(long utc)
    {
        byte[] trail = Trail2((8, 1, utc, "previous=unset"));

        AuditVerification result = AuditTrailVerifier.Verify(trail, _device.PublicKey.Span);

        Assert.Equal(AuditTrailStatus.Valid, result.Status);
        Assert.Null(result.Records[0].Time);
        Assert.Equal(utc, result.Records[0].TimeMilliseconds);
    }

    private static byte[] Enumerable(int n, int seed)
    {
        byte[] b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }

    // Writes format-2 records as docs/audit-trail.md describes (an independent encoder of the format): ClockSet true
    // gives a UTC time, false none.
    private byte[] Trail(params (int Type, string Subject, bool ClockSet)[] events)
    {
        return Trail2(events.Select(e => (e.Type, e.ClockSet ? 1 : 0, e.ClockSet ? _clockValue : 0L, e.Subject)).ToArray());
    }

    private byte[] Trail2(params (int Type, int TimeBase, long Time, string Subject)[] events)
    {
        return Encode(0, events.Select(e =>
        {
            MemoryStream body = new();
            body.WriteByte(2);
            body.Write(new byte[4]);
            body.WriteByte((byte)e.Type);
            body.WriteByte((byte)e.TimeBase);
            body.Write(BitConverter.GetBytes(e.Time));
            body.WriteByte((byte)e.Subject.Length);
            body.Write(Encoding.ASCII.GetBytes(e.Subject));
            return body.ToArray();
        }).ToArray());
    }

    // Format 1: monotonic ms at 6, clock flag at 14, UTC at 15, subject length at 23.
    private byte[] Trail1(params (int Type, long Monotonic, bool ClockSet, string Subject)[] events)
    {
        return Encode(0, events.Select(e =>
        {
            MemoryStream body = new();
            body.WriteByte(1);
            body.Write(new byte[4]);
            body.WriteByte((byte)e.Type);
            body.Write(BitConverter.GetBytes(e.Monotonic));
            body.WriteByte(e.ClockSet ? (byte)1 : (byte)0);
            body.Write(BitConverter.GetBytes(e.ClockSet ? 1764400000000L : 0L));
            body.WriteByte((byte)e.Subject.Length);
            body.Write(Encoding.ASCII.GetBytes(e.Subject));
            return body.ToArray();
        }).ToArray());
    }

    // Numbers the bodies from firstSequence, chains and signs them.
    private byte[] Encode(int firstSequence, params byte[][] bodies)
    {
        byte[] label = Encoding.ASCII.GetBytes("BODYCAM-AUDIT-V1");
        byte[] link = SHA256.HashData([.. label, .. _device.PublicKey.Span]);
        MemoryStream trail = new();
        for (int i = 0; i < bodies.Length; i++)
        {
            byte[] b = bodies[i];
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(1), (uint)(firstSequence + i));
            link = SHA256.HashData([.. link, .. b]);
            trail.Write(BitConverter.GetBytes((ushort)b.Length));
            trail.Write(b);
            trail.Write(_device.Sign([.. label, .. link]));
        }

        return trail.ToArray();
    }
}
