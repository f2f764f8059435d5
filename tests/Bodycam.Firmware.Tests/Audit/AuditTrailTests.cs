using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Audit;
using Bodycam.Testing.Dock;
using Xunit;

namespace Bodycam.Firmware.Tests.Audit;

public class AuditTrailTests
{
    private readonly SimulatedStorage _storage = new(1L << 30);
    private readonly SimulatedCryptoEngine _crypto = new();
    private readonly SimulatedSecureElement _secureElement = SimulatedSecureElement.Create(new SimulatedRandom(4));
    private readonly ManualRealTimeClock _rtc = new();

    [Fact]
    public void Append_ThreeEvents_ChainAndSignaturesVerifyWithPublicKey()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.RecordingStarted, 100, "rec-0001");
        _rtc.Set(1764400000000);
        trail.Append(AuditEventType.Marker, 200, "rec-0001");
        trail.Append(AuditEventType.RecordingStopped, 300, "rec-0001");

        List<(int Type, string Subject)> events = VerifyChain(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey);

        Assert.Equal([(1, "rec-0001"), (4, "rec-0001"), (2, "rec-0001")], events);
        Assert.Equal(3, trail.Count);
    }

    [Fact]
    public void Open_TornLastRecord_CutsItAndContinuesChain()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.RecordingStarted, 100, "rec-0001");
        trail.Append(AuditEventType.RecordingStopped, 300, "rec-0001");
        byte[] whole = _storage.ReadAllBytes("audit.log");
        _storage.WriteAllBytes("audit.log", whole[..(whole.Length - 10)]);

        AuditTrail reopened = Open();
        reopened.Append(AuditEventType.RecordingRecovered, 400, "rec-0001");

        List<(int Type, string Subject)> events = VerifyChain(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey);
        Assert.Equal([(1, "rec-0001"), (3, "rec-0001")], events);
        Assert.False(reopened.FoundDamage);
    }

    [Fact]
    public void Append_AlteredEarlierRecord_BreaksVerification()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.Offloaded, 100, "rec-0001.bcr");
        trail.Append(AuditEventType.Deleted, 100, "rec-0001.bcr");
        byte[] bytes = _storage.ReadAllBytes("audit.log");
        bytes[2 + 24] ^= 0x20;

        Assert.Throws<CryptographicException>(() => VerifyChain(bytes, _secureElement.DevicePublicKey));
    }

    [Fact]
    public void Append_LongOrNonAsciiSubject_KeptAsciiAndCut()
    {
        AuditTrail trail = Open();

        trail.Append(AuditEventType.ConfigurationChanged, 1, "é" + new string('x', 200));

        (int _, string subject) = Assert.Single(VerifyChain(_storage.ReadAllBytes("audit.log"), _secureElement.DevicePublicKey));
        Assert.Equal(AuditTrail.MaxSubjectLength, subject.Length);
        Assert.StartsWith("?x", subject);
    }

    [Fact]
    public void Append_BeforeOpen_Throws()
    {
        AuditTrail trail = new(_storage, _crypto, _secureElement, _rtc, "audit.log");

        Assert.Throws<InvalidOperationException>(() => trail.Append(AuditEventType.Marker, 1, string.Empty));
    }

    [Fact]
    public void Read_ServesExactlyTheFileBytes()
    {
        AuditTrail trail = Open();
        trail.Append(AuditEventType.ClockSet, 1, "previous=unset");
        byte[] buffer = new byte[1000];

        int read = trail.Read(0, buffer, 0, buffer.Length);

        Assert.Equal(_storage.ReadAllBytes("audit.log"), buffer[..read]);
        Assert.Equal(read, trail.Length);
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

            events.Add((body[5], Encoding.ASCII.GetString(body, 24, body[23])));
            p += 2 + bodyLength + 64;
        }

        return events;
    }

    private AuditTrail Open()
    {
        AuditTrail trail = new(_storage, _crypto, _secureElement, _rtc, "audit.log");
        trail.Open();
        return trail;
    }
}
