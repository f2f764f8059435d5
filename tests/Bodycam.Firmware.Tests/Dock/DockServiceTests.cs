using System;
using System.Linq;
using System.Security.Cryptography;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Provisioning;
using Bodycam.Testing.Dock;
using CsCheck;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

public class DockServiceTests
{
    private static readonly byte[] s_authority = DockTestHost.Key(100);
    private static readonly byte[] s_otherAuthority = DockTestHost.Key(200);

    private readonly DockTestDevice _device;
    private readonly DockTestHost _host;

    public DockServiceTests()
    {
        _device = new DockTestDevice();
        _device.Enrol("heerde", s_authority);
        _host = new DockTestHost(_device);
    }

    [Fact]
    public void Info_BeforeHello_IsBadSequence()
    {
        DockTestHost.Answer answer = _host.Request(DockCommand.Info, []);

        Assert.Equal(DockError.BadSequence, answer.Error);
    }

    [Fact]
    public void Hello_SupportedRange_NegotiatesVersionTwoAndAnnouncesLimits()
    {
        DockTestHost.Answer answer = _host.Hello();

        Assert.Equal((int)DockCommand.Hello | 0x80, answer.Type);
        Assert.Equal(2, answer.Payload[0]);
        Assert.Equal(8192u, LittleEndian.ReadUInt32(answer.Payload, 1));
        Assert.Equal((uint)DockServiceOptions.DefaultMaxResponsePayload, LittleEndian.ReadUInt32(answer.Payload, 5));
    }

    [Fact]
    public void Hello_OnlyNewerVersions_IsUnsupportedVersion()
    {
        DockTestHost.Answer answer = _host.Request(DockCommand.Hello, [3, 5]);

        Assert.Equal(DockError.UnsupportedVersion, answer.Error);
    }

    [Fact]
    public void Info_WithoutSession_AnswersDeviceIdAndProvisioning()
    {
        _host.Hello();

        DockTestHost.Answer answer = _host.Request(DockCommand.Info, []);

        Assert.False(answer.IsError);
        Assert.Equal("bc-0001", System.Text.Encoding.ASCII.GetString(answer.Payload, 1, answer.Payload[0]));
    }

    [Theory]
    [InlineData(DockCommand.ListRecordings)]
    [InlineData(DockCommand.ReadAudit)]
    [InlineData(DockCommand.SetClock)]
    public void Command_WithoutSession_RefusedAndAudited(DockCommand command)
    {
        _host.Hello();
        byte[] payload = command == DockCommand.ListRecordings ? new byte[2] : command == DockCommand.ReadAudit ? new byte[12] : BitConverter.GetBytes(1700000000000L);

        DockTestHost.Answer answer = _host.Request(command, payload);

        Assert.Equal(DockError.NotAuthenticated, answer.Error);
        Assert.Equal(1, _device.Audit.Count);
        Assert.Empty(_device.Configuration.Applied);
        Assert.False(_device.Rtc.IsSet);
    }

    [Fact]
    public void Authenticate_AuthorityKey_OpensSession()
    {
        _host.Hello();

        DockTestHost.Answer answer = _host.Authenticate(s_authority);

        Assert.False(answer.IsError);
        Assert.True(_device.Service.IsAuthenticated);
        Assert.Equal(0, _device.Audit.Count);
    }

    [Fact]
    public void Authenticate_OtherMunicipalitysKey_RefusedAndAudited()
    {
        _host.Hello();

        DockTestHost.Answer answer = _host.Authenticate(s_otherAuthority);

        Assert.Equal(DockError.AuthenticationFailed, answer.Error);
        Assert.False(_device.Service.IsAuthenticated);
        Assert.Equal(1, _device.Audit.Count);
    }

    [Fact]
    public void Authenticate_SignatureOverOtherDeviceId_Refused()
    {
        _host.Hello();

        DockTestHost.Answer answer = _host.Authenticate(s_authority, tamper: m => DockTestHost.AuthMessage(m[20..52], "bc-9999", "heerde", 600000, 1));

        Assert.Equal(DockError.AuthenticationFailed, answer.Error);
        Assert.False(_device.Service.IsAuthenticated);
    }

    [Fact]
    public void AuthProve_ReplayedAnswerWithoutChallenge_RefusedAndAudited()
    {
        _host.Hello();
        DockTestHost.Answer begin = _host.Request(DockCommand.AuthBegin, []);
        byte[] proof = _host.Prove(begin.Payload[..32], s_authority, 1, null);
        Assert.False(_host.Request(DockCommand.AuthProve, proof).IsError);
        _host.Request(DockCommand.EndSession, []);

        DockTestHost.Answer replay = _host.Request(DockCommand.AuthProve, proof);

        Assert.Equal(DockError.BadSequence, replay.Error);
        Assert.False(_device.Service.IsAuthenticated);
        Assert.Equal(1, _device.Audit.Count);
    }

    [Fact]
    public void AuthProve_ReplayedAnswerToNewChallenge_Refused()
    {
        _host.Hello();
        DockTestHost.Answer begin = _host.Request(DockCommand.AuthBegin, []);
        byte[] proof = _host.Prove(begin.Payload[..32], s_authority, 1, null);
        _host.Request(DockCommand.AuthProve, proof);
        _host.Request(DockCommand.AuthBegin, []);

        DockTestHost.Answer replay = _host.Request(DockCommand.AuthProve, proof);

        Assert.Equal(DockError.AuthenticationFailed, replay.Error);
        Assert.False(_device.Service.IsAuthenticated);
    }

    [Fact]
    public void AuthProve_AfterChallengeLifetime_Refused()
    {
        _host.Hello();
        DockTestHost.Answer begin = _host.Request(DockCommand.AuthBegin, []);
        _device.Clock.Advance(31000);

        DockTestHost.Answer answer = _host.Request(DockCommand.AuthProve, _host.Prove(begin.Payload[..32], s_authority, 1, null));

        Assert.Equal(DockError.AuthenticationFailed, answer.Error);
        Assert.Equal(1u, answer.Detail);
    }

    [Fact]
    public void Command_AfterSessionExpired_RefusedAndAudited()
    {
        _host.Hello();
        _host.Authenticate(s_authority);
        _device.Clock.Advance(600001);

        DockTestHost.Answer answer = _host.Request(DockCommand.ListRecordings, new byte[2]);

        Assert.Equal(DockError.NotAuthenticated, answer.Error);
        Assert.Equal(1u, answer.Detail);
        Assert.Equal(1, _device.Audit.Count);
    }

    [Fact]
    public void AuthBegin_AfterRepeatedFailures_RateLimitedUntilBackoffPasses()
    {
        _host.Hello();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(DockError.AuthenticationFailed, _host.Authenticate(s_otherAuthority).Error);
        }

        DockTestHost.Answer limited = _host.Request(DockCommand.AuthBegin, []);
        _device.Clock.Advance(1000);
        DockTestHost.Answer allowed = _host.Authenticate(s_authority);

        Assert.Equal(DockError.RateLimited, limited.Error);
        Assert.Equal(1000u, limited.Detail);
        Assert.False(allowed.IsError);
    }

    [Fact]
    public void Failures_WithinQuietPeriod_AuditedOnceThenCounted()
    {
        _host.Hello();
        _host.Authenticate(s_otherAuthority);
        _host.Authenticate(s_otherAuthority);
        _device.Clock.Advance(1000);

        _host.Request(DockCommand.ListRecordings, new byte[2]);

        Assert.Equal(2, _device.Audit.Count);
    }

    [Fact]
    public void Authenticate_DockKeyWithCertificate_OpensSessionButCannotReset()
    {
        byte[] dock = DockTestHost.Key(300);
        byte[] cert = DockTestHost.Certificate(s_authority, "heerde", DockTestHost.PublicKey(dock), 1900000000000);
        _host.Hello();

        DockTestHost.Answer answer = _host.Authenticate(dock, 2, cert);
        DockTestHost.Answer reset = _host.Request(DockCommand.ResetProvisioning, []);

        Assert.False(answer.IsError);
        Assert.Equal(DockError.Forbidden, reset.Error);
        Assert.True(_device.Provisioning.IsProvisioned);
    }

    [Fact]
    public void Authenticate_CertificateFromOtherAuthority_Refused()
    {
        byte[] dock = DockTestHost.Key(300);
        byte[] cert = DockTestHost.Certificate(s_otherAuthority, "heerde", DockTestHost.PublicKey(dock), 1900000000000);
        _host.Hello();

        DockTestHost.Answer answer = _host.Authenticate(dock, 2, cert);

        Assert.Equal(DockError.AuthenticationFailed, answer.Error);
        Assert.Equal(2u, answer.Detail);
    }

    [Fact]
    public void Authenticate_ExpiredCertificateWithClockSet_Refused()
    {
        byte[] dock = DockTestHost.Key(300);
        byte[] cert = DockTestHost.Certificate(s_authority, "heerde", DockTestHost.PublicKey(dock), 1700000000000);
        _device.Rtc.Set(1800000000000);
        _host.Hello();

        DockTestHost.Answer answer = _host.Authenticate(dock, 2, cert);

        Assert.Equal(DockError.AuthenticationFailed, answer.Error);
        Assert.Equal(3u, answer.Detail);
    }

    [Fact]
    public void ReadRecording_ByRanges_ReassemblesFile()
    {
        byte[] content = _device.AddRecording("rec-0001.bcr", 150000, 1);
        OpenSession();

        byte[] copy = new byte[content.Length];
        long position = 0;
        while (position < content.Length)
        {
            DockTestHost.Answer answer = _host.Request(DockCommand.ReadRecording, DockTestHost.NameRequest("rec-0001.bcr", BitConverter.GetBytes(position), BitConverter.GetBytes(40000u)));
            Assert.Equal(position, LittleEndian.ReadInt64(answer.Payload, 0));
            Array.Copy(answer.Payload, 16, copy, position, answer.Payload.Length - 16);
            position += answer.Payload.Length - 16;
        }

        Assert.Equal(content, copy);
    }

    [Fact]
    public void ReadRecording_UnknownName_IsNotFound()
    {
        OpenSession();

        DockTestHost.Answer answer = _host.Request(DockCommand.ReadRecording, DockTestHost.NameRequest("audit.log", new byte[8], BitConverter.GetBytes(100u)));

        Assert.Equal(DockError.NotFound, answer.Error);
    }

    [Fact]
    public void ConfirmOffload_WrongHash_DeletesNothing()
    {
        byte[] content = _device.AddRecording("rec-0001.bcr", 5000, 1);
        OpenSession();
        byte[] wrong = SHA256.HashData(content);
        wrong[31] ^= 1;

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmOffload, [1, .. DockTestHost.NameRequest("rec-0001.bcr", wrong)]);

        Assert.Equal(DockError.HashMismatch, answer.Error);
        Assert.True(_device.Storage.Exists("rec-0001.bcr"));
        Assert.Equal(0, _device.Audit.Count);
    }

    [Fact]
    public void ConfirmOffload_RightHashes_DeletesAndAudits()
    {
        byte[] a = _device.AddRecording("rec-0001.bcr", 5000, 1);
        byte[] b = _device.AddRecording("rec-0001.1.bcr", 3000, 2);
        OpenSession();

        DockTestHost.Answer answer = _host.Request(
            DockCommand.ConfirmOffload,
            [2, .. DockTestHost.NameRequest("rec-0001.bcr", SHA256.HashData(a)), .. DockTestHost.NameRequest("rec-0001.1.bcr", SHA256.HashData(b))]);

        Assert.False(answer.IsError);
        Assert.False(_device.Storage.Exists("rec-0001.bcr"));
        Assert.False(_device.Storage.Exists("rec-0001.1.bcr"));
        Assert.Equal(4, _device.Audit.Count);
    }

    [Fact]
    public void ConfirmOffload_PartOfARecording_RefusedAndDeletesNothing()
    {
        byte[] a = _device.AddRecording("rec-0001.bcr", 5000, 1);
        _device.AddRecording("rec-0001.1.bcr", 3000, 2);
        OpenSession();

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmOffload, [1, .. DockTestHost.NameRequest("rec-0001.bcr", SHA256.HashData(a))]);

        Assert.Equal(DockError.BadRequest, answer.Error);
        Assert.True(_device.Storage.Exists("rec-0001.bcr"));
    }

    [Fact]
    public void ConfirmOffload_OpenRecording_IsBusy()
    {
        byte[] a = _device.AddRecording("rec-0001.bcr", 5000, 1);
        _device.Recordings.Open.Add("rec-0001.bcr");
        OpenSession();

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmOffload, [1, .. DockTestHost.NameRequest("rec-0001.bcr", SHA256.HashData(a))]);

        Assert.Equal(DockError.Busy, answer.Error);
        Assert.True(_device.Storage.Exists("rec-0001.bcr"));
    }

    [Fact]
    public void SetClock_Authenticated_SetsAndAudits()
    {
        OpenSession();

        DockTestHost.Answer answer = _host.Request(DockCommand.SetClock, BitConverter.GetBytes(1795939200000L));

        Assert.False(answer.IsError);
        Assert.Equal(1795939200000L, _device.Rtc.Unix);
        Assert.Equal(1, _device.Audit.Count);
    }

    [Fact]
    public void PushConfiguration_SignedByAuthority_AppliedOnceAndAudited()
    {
        OpenSession();
        byte[] request = ConfigurationRequest(s_authority, 5, "pre-record=30s"u8.ToArray());

        DockTestHost.Answer first = _host.Request(DockCommand.PushConfiguration, request);
        DockTestHost.Answer again = _host.Request(DockCommand.PushConfiguration, request);

        Assert.False(first.IsError);
        Assert.Equal(DockError.StaleConfiguration, again.Error);
        Assert.Single(_device.Configuration.Applied);
        Assert.Equal(1, _device.Audit.Count);
    }

    [Fact]
    public void PushConfiguration_SignedByDockKey_BadSignature()
    {
        OpenSession();

        DockTestHost.Answer answer = _host.Request(DockCommand.PushConfiguration, ConfigurationRequest(DockTestHost.Key(300), 5, [1]));

        Assert.Equal(DockError.BadSignature, answer.Error);
        Assert.Empty(_device.Configuration.Applied);
    }

    [Fact]
    public void Provision_AlreadyProvisioned_Refused()
    {
        _host.Hello();

        DockTestHost.Answer answer = _host.Request(DockCommand.Provision, ProvisionRequest(s_otherAuthority, "hattem"));

        Assert.Equal(DockError.AlreadyProvisioned, answer.Error);
        Assert.Equal("heerde", _device.Provisioning.MunicipalityId);
    }

    [Fact]
    public void Provision_AfterAuthorisedReset_EnrolsNewMunicipality()
    {
        OpenSession();
        Assert.False(_host.Request(DockCommand.ResetProvisioning, []).IsError);

        DockTestHost.Answer answer = _host.Request(DockCommand.Provision, ProvisionRequest(s_otherAuthority, "hattem"));

        Assert.False(answer.IsError);
        Assert.Equal("hattem", _device.Provisioning.MunicipalityId);
        Assert.Equal(_device.SecureElement.DevicePublicKey, answer.Payload[..32]);
    }

    [Fact]
    public void Provision_SignedByOtherKey_BadSignature()
    {
        DockTestDevice fresh = new();
        DockTestHost host = new(fresh);
        host.Hello();
        byte[] request = ProvisionRequest(s_authority, "oldebroek");
        request[^1] ^= 1;

        DockTestHost.Answer answer = host.Request(DockCommand.Provision, request);

        Assert.Equal(DockError.BadSignature, answer.Error);
        Assert.Equal(ProvisioningState.Unprovisioned, fresh.Provisioning.State);
    }

    [Fact]
    public void ResetProvisioning_WithRecordingsLeft_IsNotEmpty()
    {
        _device.AddRecording("rec-0001.bcr", 10, 1);
        OpenSession();

        DockTestHost.Answer answer = _host.Request(DockCommand.ResetProvisioning, []);

        Assert.Equal(DockError.NotEmpty, answer.Error);
        Assert.True(_device.Provisioning.IsProvisioned);
    }

    [Fact]
    public void UnknownCommand_AnsweredWithError()
    {
        _host.Hello();

        DockTestHost.Answer answer = _host.Request((DockCommand)0x33, []);

        Assert.Equal(DockError.UnknownCommand, answer.Error);
    }

    [Fact]
    public void FrameWithResponseFlag_IgnoredWithoutAnswer()
    {
        _host.Hello();

        var answers = _host.SendRaw(DockTestHost.Frame(0x82, 7, []));

        Assert.Empty(answers);
        Assert.Equal(1, _device.Service.IgnoredFrameCount);
    }

    [Fact]
    public void OversizeRequest_AnsweredFrameTooLarge()
    {
        _host.Hello();
        byte[] header = DockTestHost.Frame(0x41, 9, []);
        LittleEndian.WriteUInt32(header, 8, 100000);

        var answers = _host.SendRaw(header[..12]);

        Assert.Equal(DockError.FrameTooLarge, Assert.Single(answers).Error);
    }

    [Fact]
    public void TruncatedPayload_IsBadRequest()
    {
        OpenSession();

        DockTestHost.Answer answer = _host.Request(DockCommand.ReadRecording, [5, (byte)'a']);

        Assert.Equal(DockError.BadRequest, answer.Error);
    }

    [Fact]
    public void Receive_RandomFramesAndGarbage_AlwaysAnswersWellFormedAndNeverDeletes()
    {
        _device.AddRecording("rec-0001.bcr", 1000, 1);
        Gen<byte[]> frame = Gen.Select(Gen.Byte, Gen.Byte.Array[0, 80]).Select((t, p) => DockTestHost.Frame(t, 1, p));
        Gen.Select(frame.List[0, 8], Gen.Byte.Array[0, 60]).Sample(
            (frames, garbage) =>
            {
                _device.Service.Reset();
                _host.SendRaw([.. garbage]);
                _host.Hello();
                foreach (byte[] f in frames)
                {
                    _host.SendRaw(f);
                }

                Assert.True(_device.Storage.Exists("rec-0001.bcr"));
                Assert.False(_device.Service.IsAuthenticated);
            },
            seed: "0000000000000",
            threads: 1,
            iter: 300);
    }

    private static byte[] ConfigurationRequest(byte[] signer, long sequence, byte[] document)
    {
        using System.IO.MemoryStream signed = new();
        signed.Write(System.Text.Encoding.ASCII.GetBytes(DockProtocol.ConfigurationLabel));
        DockTestHost.Str(signed, "heerde");
        signed.Write(BitConverter.GetBytes(sequence));
        signed.Write(BitConverter.GetBytes((ushort)document.Length));
        signed.Write(document);
        byte[] signature = DockTestHost.Sign(signer, signed.ToArray());
        return [.. BitConverter.GetBytes(sequence), .. BitConverter.GetBytes((ushort)document.Length), .. document, .. signature];
    }

    private byte[] ProvisionRequest(byte[] authority, string municipality)
    {
        using System.IO.MemoryStream body = new();
        DockTestHost.Str(body, municipality);
        body.Write(DockTestHost.PublicKey(authority));
        body.WriteByte(1);
        body.Write(DockTestHost.Key(5));
        byte[] unsigned = body.ToArray();
        using System.IO.MemoryStream signed = new();
        signed.Write(System.Text.Encoding.ASCII.GetBytes(DockProtocol.ProvisionLabel));
        DockTestHost.Str(signed, "bc-0001");
        signed.Write(unsigned);
        return [.. unsigned, .. DockTestHost.Sign(authority, signed.ToArray())];
    }

    private void OpenSession()
    {
        _host.Hello();
        Assert.False(_host.Authenticate(s_authority).IsError);
    }
}
