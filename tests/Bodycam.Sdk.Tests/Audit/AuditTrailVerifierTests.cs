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
        // Issue 14 item 5: a clock once set to INT64_MAX must not make every later reading of the trail crash.
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
        trail[2 + 24] ^= 1;

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

    private static byte[] Enumerable(int n, int seed)
    {
        byte[] b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }

    // Writes records as docs/audit-trail.md describes (an independent encoder of the format).
    private byte[] Trail(params (int Type, string Subject, bool ClockSet)[] events)
    {
        byte[] label = Encoding.ASCII.GetBytes("BODYCAM-AUDIT-V1");
        byte[] link = SHA256.HashData([.. label, .. _device.PublicKey.Span]);
        MemoryStream trail = new();
        for (int i = 0; i < events.Length; i++)
        {
            MemoryStream body = new();
            body.WriteByte(1);
            body.Write(BitConverter.GetBytes((uint)i));
            body.WriteByte((byte)events[i].Type);
            body.Write(BitConverter.GetBytes(1000L * i));
            body.WriteByte(events[i].ClockSet ? (byte)1 : (byte)0);
            body.Write(BitConverter.GetBytes(events[i].ClockSet ? _clockValue : 0L));
            body.WriteByte((byte)events[i].Subject.Length);
            body.Write(Encoding.ASCII.GetBytes(events[i].Subject));
            byte[] b = body.ToArray();
            link = SHA256.HashData([.. link, .. b]);
            trail.Write(BitConverter.GetBytes((ushort)b.Length));
            trail.Write(b);
            trail.Write(_device.Sign([.. label, .. link]));
        }

        return trail.ToArray();
    }
}
