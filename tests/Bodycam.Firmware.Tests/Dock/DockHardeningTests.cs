using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Dock;
using Bodycam.Testing.Dock;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

/// <summary>
/// The dock hardening on the device side (whole-recording confirm, clock authority, device proof, Info without a
/// session, error details), in the conformance style: each case sends the bytes a host written from
/// docs/dock-protocol.md would send and checks the exact answer the spec gives.
/// </summary>
public class DockHardeningTests
{
    private const long Now2026 = 1_795_939_200_000;
    private static readonly byte[] s_authority = DockTestHost.Key(100);
    private static readonly byte[] s_dock = DockTestHost.Key(300);

    private readonly DockTestDevice _device;
    private readonly DockTestHost _host;

    public DockHardeningTests()
    {
        _device = new DockTestDevice();
        _device.Enrol("heerde", s_authority);
        _host = new DockTestHost(_device);
        _host.Hello();
    }

    [Fact]
    public void ConfirmRecording_TwentyEightFiles_DeletesTheWholeRecording()
    {
        byte[][] contents = Enumerable.Range(0, 28).Select(i => _device.AddRecording(Name(i), 500 + i, i)).ToArray();
        _device.AddRecording("other.bcr", 100, 99);
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmRecording, ConfirmRecording("rec-0001", 28, Manifest("rec-0001", contents)));

        Assert.False(answer.IsError, answer.IsError ? answer.Error + " " + answer.Detail : null);
        Assert.Equal(28, LittleEndian.ReadUInt16(answer.Payload, 0));
        Assert.Equal(["other.bcr"], _device.Recordings.Names);
        string[] subjects = AuditSubjects(AuditEventType.Deleted);
        Assert.Equal(28, subjects.Length);
    }

    [Fact]
    public void ConfirmRecording_OneFileDiffers_IsHashMismatchAndDeletesNothing()
    {
        byte[][] contents = Enumerable.Range(0, 20).Select(i => _device.AddRecording(Name(i), 300, i)).ToArray();
        contents[17] = (byte[])contents[17].Clone();
        contents[17][5] ^= 1;
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmRecording, ConfirmRecording("rec-0001", 20, Manifest("rec-0001", contents)));

        Assert.Equal(DockError.HashMismatch, answer.Error);
        Assert.Equal(0u, answer.Detail);
        Assert.Equal(20, _device.Recordings.Count);
    }

    [Fact]
    public void ConfirmRecording_CountShort_IsBadRequestIncompleteRecording()
    {
        byte[][] contents = Enumerable.Range(0, 3).Select(i => _device.AddRecording(Name(i), 300, i)).ToArray();
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmRecording, ConfirmRecording("rec-0001", 2, Manifest("rec-0001", contents[..2])));

        Assert.Equal(DockError.BadRequest, answer.Error);
        Assert.Equal(DockProtocol.DetailIncompleteRecording, answer.Detail);
        Assert.Equal(3, _device.Recordings.Count);
    }

    [Fact]
    public void ConfirmRecording_UnknownRecording_IsNotFound()
    {
        _device.AddRecording(Name(0), 300, 0);
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmRecording, ConfirmRecording("rec-0002", 1, new byte[32]));

        Assert.Equal(DockError.NotFound, answer.Error);
    }

    [Fact]
    public void ConfirmRecording_OverFormatLimit_IsBadRequestMalformed()
    {
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmRecording, ConfirmRecording("rec-0001", 1001, new byte[32]));

        Assert.Equal(DockError.BadRequest, answer.Error);
        Assert.Equal(DockProtocol.DetailMalformed, answer.Detail);
    }

    [Fact]
    public void ConfirmOffload_SameNameTwice_IsBadRequestDuplicateName()
    {
        byte[] content = _device.AddRecording("rec-0001.bcr", 300, 1);
        _host.Authenticate(s_authority);
        byte[] hash = SHA256.HashData(content);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmOffload, [2, .. DockTestHost.NameRequest("rec-0001.bcr", hash), .. DockTestHost.NameRequest("rec-0001.bcr", hash)]);

        Assert.Equal(DockError.BadRequest, answer.Error);
        Assert.Equal(DockProtocol.DetailDuplicateName, answer.Detail);
        Assert.Equal(1, _device.Recordings.Count);
    }

    [Theory]
    [InlineData(65, (byte)'a')]
    [InlineData(12, (byte)0x0A)]
    [InlineData(12, (byte)0x7F)]
    [InlineData(0, (byte)'a')]
    public void ReadRecording_NameOverSixtyFourBytesOrWithControlBytes_IsBadRequest(int length, byte fill)
    {
        _device.AddRecording("rec-0001.bcr", 300, 1);
        _host.Authenticate(s_authority);
        byte[] name = Enumerable.Repeat(fill, length).ToArray();

        DockTestHost.Answer answer = _host.Request(DockCommand.ReadRecording, [(byte)length, .. name, .. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(100u)]);

        Assert.Equal(DockError.BadRequest, answer.Error);
        Assert.Equal(DockProtocol.DetailMalformed, answer.Detail);
    }

    [Fact]
    public void ConfirmOffload_NameWithControlByte_IsBadRequestNotNotFound()
    {
        _device.AddRecording("rec-0001.bcr", 300, 1);
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmOffload, [1, 4, (byte)'a', 0x01, (byte)'b', (byte)'c', .. new byte[32]]);

        Assert.Equal(DockError.BadRequest, answer.Error);
        Assert.Equal(DockProtocol.DetailMalformed, answer.Detail);
    }

    [Fact]
    public void Frame_WithFormatVersionTwo_IsUnsupportedVersionWithTheSpokenFrameVersion()
    {
        byte[] frame = DockTestHost.Frame((int)DockCommand.Info, 7, []);
        frame[4] = 2;

        DockTestHost.Answer answer = Assert.Single(_host.SendRaw(frame));

        Assert.Equal(DockError.UnsupportedVersion, answer.Error);
        Assert.Equal(7, answer.RequestId);
        Assert.Equal((uint)DockProtocol.FrameVersion, answer.Detail);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(4_102_444_800_000)]
    [InlineData(1_577_836_800_000)]
    [InlineData(-1)]
    public void SetClock_AbsurdTime_IsBadRequestTimeOutOfRangeAndLeavesTheClock(long unix)
    {
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.SetClock, BitConverter.GetBytes(unix));

        Assert.Equal(DockError.BadRequest, answer.Error);
        Assert.Equal(DockProtocol.DetailTimeOutOfRange, answer.Detail);
        Assert.False(_device.Rtc.IsSet);
    }

    [Fact]
    public void SetClock_AuthorityLargeChange_AcceptedAndAuditedWithTheKeyFingerprint()
    {
        _device.Rtc.Set(Now2026);
        _host.Authenticate(s_authority);
        long yearBack = Now2026 - (300L * 24 * 3600 * 1000);

        DockTestHost.Answer answer = _host.Request(DockCommand.SetClock, BitConverter.GetBytes(yearBack));

        Assert.False(answer.IsError);
        Assert.Equal(yearBack, _device.Rtc.Unix);
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(DockTestHost.PublicKey(s_authority))[..8]);
        string subject = Assert.Single(AuditSubjects(AuditEventType.ClockSet));
        Assert.Equal("adjust-ms=" + (yearBack - Now2026) + ";key=authority:" + fingerprint, subject);
        Assert.DoesNotContain(Convert.ToHexStringLower(DockTestHost.PublicKey(s_authority)), subject);
    }

    [Fact]
    public void SetClock_DockKeyMonthsBack_IsForbidden()
    {
        _device.Rtc.Set(Now2026);
        OpenDockSession(Now2026 + 86_400_000);

        DockTestHost.Answer answer = _host.Request(DockCommand.SetClock, BitConverter.GetBytes(Now2026 - (300L * 24 * 3600 * 1000)));

        Assert.Equal(DockError.Forbidden, answer.Error);
        Assert.Equal(DockProtocol.DetailClockStepTooLarge, answer.Detail);
        Assert.Equal(Now2026, _device.Rtc.Unix);
    }

    [Fact]
    public void SetClock_DockKeyBeyondFiveMinutesInOneSession_IsForbiddenClockStep()
    {
        _device.Rtc.Set(Now2026);
        OpenDockSession(Now2026 + 86_400_000);

        DockTestHost.Answer first = _host.Request(DockCommand.SetClock, BitConverter.GetBytes(Now2026 + 200_000));
        DockTestHost.Answer second = _host.Request(DockCommand.SetClock, BitConverter.GetBytes(Now2026 + 400_000));

        Assert.False(first.IsError);
        Assert.Equal(DockError.Forbidden, second.Error);
        Assert.Equal(DockProtocol.DetailClockStepTooLarge, second.Detail);
        Assert.Equal(Now2026 + 200_000, _device.Rtc.Unix);
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(DockTestHost.PublicKey(s_dock))[..8]);
        Assert.Equal("adjust-ms=200000;key=dock:" + fingerprint, Assert.Single(AuditSubjects(AuditEventType.ClockSet)));
        Assert.Contains(AuditSubjects(AuditEventType.AuthenticationFailed), s => s.StartsWith("dock-auth:clock-step-forbidden", StringComparison.Ordinal));
    }

    [Fact]
    public void SetClock_DockKeyOnUnsetClock_IsForbidden()
    {
        OpenDockSession(Now2026 + 86_400_000);

        DockTestHost.Answer answer = _host.Request(DockCommand.SetClock, BitConverter.GetBytes(Now2026));

        Assert.Equal(DockError.Forbidden, answer.Error);
        Assert.False(_device.Rtc.IsSet);
    }

    [Fact]
    public void AuthProve_Answer_CarriesTheDeviceKeyAndItsSignatureOverTheExchange()
    {
        DockTestHost.Answer begin = _host.Request(DockCommand.AuthBegin, []);
        byte[] challenge = begin.Payload[..32];
        byte[] proof = _host.Prove(challenge, s_authority, 1, null);

        DockTestHost.Answer answer = _host.Request(DockCommand.AuthProve, proof);

        Assert.False(answer.IsError);
        Assert.Equal(1 + 4 + 32 + 64, answer.Payload.Length);
        byte[] key = answer.Payload[5..37];
        Assert.Equal(_device.SecureElement.DevicePublicKey, key);
        byte[] signed = DeviceProof(challenge, DockTestHost.HostChallenge, "bc-0001", "heerde", 1, proof[1..65]);
        Assert.True(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(answer.Payload[37..101], 0, key, 0, signed, 0, signed.Length));
        byte[] otherHost = DeviceProof(challenge, new byte[32], "bc-0001", "heerde", 1, proof[1..65]);
        Assert.False(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(answer.Payload[37..101], 0, key, 0, otherHost, 0, otherHost.Length));
    }

    [Fact]
    public void AuthProve_WithoutHostChallenge_IsBadRequest()
    {
        DockTestHost.Answer begin = _host.Request(DockCommand.AuthBegin, []);
        byte[] proof = _host.Prove(begin.Payload[..32], s_authority, 1, null);

        DockTestHost.Answer answer = _host.Request(DockCommand.AuthProve, proof[..65]);

        Assert.Equal(DockError.BadRequest, answer.Error);
    }

    [Fact]
    public void Info_WithoutSession_TellsNoBatteryStorageOrClock()
    {
        DockTestHost.Answer answer = _host.Request(DockCommand.Info, []);

        // str8 id, str8 firmware, uint8 state, str8 state name, uint8 provisioning, str8 municipality, uint8 mode, uint32 remaining.
        byte[] expected = [7, .. "bc-0001"u8, 5, .. "0.1.0"u8, 6, 6, .. "docked"u8, 1, 6, .. "heerde"u8, 0, 0, 0, 0, 0];
        Assert.Equal(expected, answer.Payload);
    }

    [Fact]
    public void Status_WithoutSession_IsNotAuthenticated()
    {
        DockTestHost.Answer answer = _host.Request(DockCommand.Status, []);

        Assert.Equal(DockError.NotAuthenticated, answer.Error);
    }

    [Fact]
    public void Status_InSession_AnswersStorageBatteryRecipientsClockAndFiles()
    {
        _device.Rtc.Set(Now2026);
        _device.AddRecording("rec-0001.bcr", 300, 1);
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = _host.Request(DockCommand.Status, []);

        Assert.Equal(8 + 8 + 1 + 1 + 1 + 8 + 2, answer.Payload.Length);
        Assert.Equal(80, answer.Payload[16]);
        Assert.Equal(1, answer.Payload[17]);
        Assert.Equal(1, answer.Payload[18]);
        Assert.Equal(Now2026, LittleEndian.ReadInt64(answer.Payload, 19));
        Assert.Equal(1, LittleEndian.ReadUInt16(answer.Payload, 27));
    }

    [Fact]
    public void ReadConfiguration_WithoutSession_IsNotAuthenticated()
    {
        Assert.Equal(DockError.NotAuthenticated, _host.Request(DockCommand.ReadConfiguration, []).Error);
    }

    [Fact]
    public void ReadConfiguration_AfterPush_AnswersTheStoredDocumentAndSequence()
    {
        _host.Authenticate(s_authority);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], _host.Request(DockCommand.ReadConfiguration, []).Payload);
        byte[] document = Encoding.ASCII.GetBytes("version=1\npre-record-seconds=30\n");
        byte[] signed = [.. Encoding.ASCII.GetBytes(DockProtocol.ConfigurationLabel), 6, .. "heerde"u8, .. BitConverter.GetBytes(5L), .. BitConverter.GetBytes((ushort)document.Length), .. document];
        Assert.False(_host.Request(DockCommand.PushConfiguration, [.. BitConverter.GetBytes(5L), .. BitConverter.GetBytes((ushort)document.Length), .. document, .. DockTestHost.Sign(s_authority, signed)]).IsError);

        DockTestHost.Answer answer = _host.Request(DockCommand.ReadConfiguration, []);

        Assert.Equal([.. BitConverter.GetBytes(5L), .. BitConverter.GetBytes((ushort)document.Length), .. document], answer.Payload);
    }

    private static string Name(int i) => i == 0 ? "rec-0001.bcr" : "rec-0001." + i + ".bcr";

    private static byte[] ConfirmRecording(string id, int files, byte[] digest) =>
        [.. DockTestHost.NameRequest(id), .. BitConverter.GetBytes((ushort)files), .. digest];

    // The spec's manifest digest, written from docs/dock-protocol.md, "ConfirmRecording".
    private static byte[] Manifest(string id, byte[][] contents)
    {
        byte[] link = SHA256.HashData([.. Encoding.ASCII.GetBytes("BODYCAM-CONFIRM-V2"), (byte)id.Length, .. Encoding.ASCII.GetBytes(id), .. BitConverter.GetBytes((ushort)contents.Length)]);
        for (int i = 0; i < contents.Length; i++)
        {
            string name = Name(i);
            link = SHA256.HashData([.. link, (byte)name.Length, .. Encoding.ASCII.GetBytes(name), .. SHA256.HashData(contents[i])]);
        }

        return link;
    }

    private static byte[] DeviceProof(byte[] challenge, byte[] hostChallenge, string id, string municipality, byte mode, byte[] hostSignature)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes("BODYCAM-DOCK-DEVICE-V2"));
        m.Write(challenge);
        m.Write(hostChallenge);
        DockTestHost.Str(m, id);
        DockTestHost.Str(m, municipality);
        m.WriteByte(mode);
        m.Write(hostSignature);
        return m.ToArray();
    }

    private void OpenDockSession(long notAfter)
    {
        byte[] certificate = DockTestHost.Certificate(s_authority, "heerde", DockTestHost.PublicKey(s_dock), notAfter);
        DockTestHost.Answer answer = _host.Authenticate(s_dock, 2, certificate);
        Assert.False(answer.IsError, answer.IsError ? answer.Error.ToString() : null);
    }

    private string[] AuditSubjects(AuditEventType kind)
    {
        Bodycam.Sdk.Audit.AuditVerification verification = Bodycam.Sdk.Audit.AuditTrailVerifier.Verify(_device.Storage.ReadAllBytes("audit.log"), _device.SecureElement.DevicePublicKey);
        return verification.Records.Where(r => (int)r.Kind == (int)kind).Select(r => r.Subject).ToArray();
    }
}
