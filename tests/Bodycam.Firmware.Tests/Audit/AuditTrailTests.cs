using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Audit;
using Xunit;

namespace Bodycam.Firmware.Tests.Audit;

public class AuditTrailTests
{
    private readonly SimulatedStorage _storage = new(1L << 30);
    private readonly SimulatedCryptoEngine _crypto = new();
    private readonly SimulatedSecureElement _secureElement = SimulatedSecureElement.Create(new SimulatedRandom(4));

    [Fact]
    public void Append_ThreeEvents_ChainAndSignaturesVerifyWithPublicKey()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.RecordingStarted, AuditTimeBase.Utc, 1764400000000, "rec-0001");
        trail.Append(AuditEventType.Marker, AuditTimeBase.SinceRecordingStart, 200, "rec-0001");
        trail.Append(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, 300, "rec-0001");

        List<(int Type, string Subject)> events = VerifyChain(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey);

        Assert.Equal([(1, "rec-0001"), (4, "rec-0001"), (2, "rec-0001")], events);
        Assert.Equal(3, trail.Count);
    }

    [Fact]
    public void Open_TornLastRecord_CutsItAndContinuesChain()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.RecordingStarted, AuditTimeBase.Utc, 1764400000000, "rec-0001");
        trail.Append(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, 300, "rec-0001");
        byte[] whole = _storage.ReadAllBytes("audit.log");
        _storage.WriteAllBytes("audit.log", whole[..(whole.Length - 10)]);

        AuditTrail reopened = Open();
        reopened.Append(AuditEventType.RecordingRecovered, AuditTimeBase.None, 0, "rec-0001");

        List<(int Type, string Subject)> events = VerifyChain(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey);
        Assert.Equal([(1, "rec-0001"), (3, "rec-0001")], events);
        Assert.False(reopened.FoundDamage);
    }

    [Fact]
    public void Append_AlteredEarlierRecord_BreaksVerification()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.Offloaded, AuditTimeBase.None, 0, "rec-0001.bcr");
        trail.Append(AuditEventType.Deleted, AuditTimeBase.None, 0, "rec-0001.bcr");
        byte[] bytes = _storage.ReadAllBytes("audit.log");
        bytes[2 + AuditTrail.FixedBodySize] ^= 0x20;

        Assert.Throws<CryptographicException>(() => VerifyChain(bytes, _secureElement.DevicePublicKey));
    }

    [Fact]
    public void Append_LongOrNonAsciiSubject_KeptAsciiAndCut()
    {
        AuditTrail trail = Open();

        trail.Append(AuditEventType.ConfigurationChanged, AuditTimeBase.None, 0, "é" + new string('x', 200));

        (int _, string subject) = Assert.Single(VerifyChain(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey));
        Assert.Equal(AuditTrail.MaxSubjectLength, subject.Length);
        Assert.StartsWith("?x", subject);
    }

    [Fact]
    public void Append_BeforeOpen_Throws()
    {
        AuditTrail trail = new(_storage, _crypto, _secureElement, "audit.log");

        Assert.Throws<InvalidOperationException>(() => trail.Append(AuditEventType.Marker, AuditTimeBase.SinceRecordingStart, 1, string.Empty));
    }

    [Fact]
    public void Read_ServesExactlyTheFileBytes()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.ClockSet, AuditTimeBase.None, 0, "previous=unset");
        byte[] buffer = new byte[1000];

        int read = trail.Read(0, buffer, 0, buffer.Length);

        Assert.Equal(_storage.ReadAllBytes("audit.log"), buffer[..read]);
        Assert.Equal(read, trail.Length);
    }

    [Fact]
    public void Append_WritesFormatTwoWithTheCallersTimeAndNoMonotonicTime()
    {
        AuditTrail trail = Open();

        trail.Append(AuditEventType.Marker, AuditTimeBase.SinceRecordingStart, 0x0102, "rec-0001");
        trail.Append(AuditEventType.Offloaded, AuditTimeBase.None, 123456, "rec-0001.bcr");

        byte[] bytes = _storage.ReadAllBytes("audit.log");
        byte[] first = bytes[2..(2 + 16 + 8)];
        Assert.Equal(16 + 8, bytes[0] | (bytes[1] << 8));
        Assert.Equal([2, 0, 0, 0, 0, 4, 2, 0x02, 0x01, 0, 0, 0, 0, 0, 0, 8], first[..16]);
        int second = 2 + 24 + 64 + 2;
        Assert.Equal(0, bytes[second + 6]);
        Assert.All(bytes[(second + 7)..(second + 15)], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Append_EachTimeBase_ReadsBackThroughTheSdk()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.RecordingStarted, AuditTimeBase.Utc, 1764400000000, "rec-1");
        trail.Append(AuditEventType.Marker, AuditTimeBase.SinceRecordingStart, 2500, "rec-1");
        trail.Append(AuditEventType.Deleted, AuditTimeBase.None, 99, "rec-1.bcr");

        Bodycam.Sdk.Audit.AuditVerification result = Bodycam.Sdk.Audit.AuditTrailVerifier.Verify(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey);

        Assert.Equal(Bodycam.Sdk.Audit.AuditTrailStatus.Valid, result.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764400000000), result.Records[0].Time);
        Assert.Equal(2500, result.Records[1].SinceRecordingStartMilliseconds);
        Assert.Equal(Bodycam.Sdk.Audit.AuditTimeBase.None, result.Records[2].TimeBase);
        Assert.Equal(0, result.Records[2].TimeMilliseconds);
    }

    [Fact]
    public void Open_FormatOneTrail_IsContinuedInFormatTwoInTheSameChain()
    {
        byte[] label = Encoding.ASCII.GetBytes(AuditTrail.Label);
        byte[] link = SHA256.HashData([.. label, .. _secureElement.DevicePublicKey]);
        byte[] body = new byte[24 + 5];
        body[0] = 1;
        body[5] = (byte)AuditEventType.RecordingStarted;
        BitConverter.GetBytes(7_200_000L).CopyTo(body, 6);
        body[14] = 1;
        BitConverter.GetBytes(1764400000000L).CopyTo(body, 15);
        body[23] = 5;
        Encoding.ASCII.GetBytes("rec-1").CopyTo(body, 24);
        link = SHA256.HashData([.. link, .. body]);
        byte[] signed = [.. label, .. link];
        byte[] signature = new byte[64];
        _secureElement.Sign(signed, 0, signed.Length, signature, 0);
        _storage.WriteAllBytes("audit.log", [(byte)body.Length, 0, .. body, .. signature]);

        AuditTrail trail = Open();
        trail.Append(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, 4000, "rec-1");

        Assert.False(trail.FoundDamage);
        Assert.Equal(2, trail.Count);
        Bodycam.Sdk.Audit.AuditVerification result = Bodycam.Sdk.Audit.AuditTrailVerifier.Verify(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey);
        Assert.Equal(Bodycam.Sdk.Audit.AuditTrailStatus.Valid, result.Status);
        Assert.Equal([1, 2], result.Records.Select(r => r.FormatVersion));
        Assert.Equal(1, result.Records[1].Sequence);
    }

    // An independent check of docs/audit-trail.md: link_0 = SHA-256(label || key); link_n = SHA-256(link_n-1 || body).
    private static List<(int Type, string Subject)> VerifyChain(byte[] trail, byte[] publicKey)
    {
        byte[] label = Encoding.ASCII.GetBytes("BODYCAM-AUDIT-V1");
        byte[] link = SHA256.HashData([.. label, .. publicKey]);
        List<(int, string)> events = [];
        int p = 0;
        while (p < trail.Length)
        {
            int bodyLength = trail[p] | (trail[p + 1] << 8);
            byte[] body = trail[(p + 2)..(p + 2 + bodyLength)];
            byte[] signature = trail[(p + 2 + bodyLength)..(p + 2 + bodyLength + 64)];
            link = SHA256.HashData([.. link, .. body]);
            byte[] signed = [.. label, .. link];
            if (!Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(signature, 0, publicKey, 0, signed, 0, signed.Length))
            {
                throw new CryptographicException("record at " + p + " does not verify");
            }

            events.Add((body[5], Encoding.ASCII.GetString(body, 16, body[15])));
            p += 2 + bodyLength + 64;
        }

        return events;
    }

    private AuditTrail Open()
    {
        AuditTrail trail = new(_storage, _crypto, _secureElement, "audit.log");
        trail.Open();
        return trail;
    }
}
