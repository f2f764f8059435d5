using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Provisioning;
using Bodycam.Sdk.Audit;
using Bodycam.Testing.Dock;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

/// <summary>
/// Every privileged command against every way of trying it without the municipality's authority: each is refused
/// with the documented error, changes nothing, and leaves a verifying audit trail that records the attempt
/// (docs/dock-protocol.md, "Authentication" and "Rate limiting and audit").
/// </summary>
public class DockAttackTests
{
    private const string RecordingName = "rec-0001.bcr";
    private const long ClockValue = 1795939200000;
    private static readonly byte[] s_authority = DockTestHost.Key(100);
    private static readonly byte[] s_otherAuthority = DockTestHost.Key(200);
    private static readonly byte[] s_dockKey = DockTestHost.Key(300);

    public static IEnumerable<object[]> Matrix() =>
        from command in new[] { DockCommand.ListRecordings, DockCommand.ReadRecording, DockCommand.ConfirmOffload, DockCommand.ConfirmRecordingChain, DockCommand.ReadAudit, DockCommand.SetClock, DockCommand.PushConfiguration, DockCommand.ResetProvisioning }
        from attack in Enum.GetValues<Attack>()
        select new object[] { command, attack };

    public enum Attack
    {
        NoSession,
        BadSignature,
        ReplayedAnswerWithoutChallenge,
        ReplayedAnswerToNewChallenge,
        ExpiredChallenge,
        ExpiredSession,
        OtherMunicipalityKey,
        CertificateFromOtherAuthority,
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void PrivilegedCommand_WithoutValidSession_RefusedUnchangedAndAudited(DockCommand command, Attack attack)
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        byte[] content = command == DockCommand.ResetProvisioning ? [] : device.AddRecording(RecordingName, 5000, 1);
        if (command == DockCommand.ConfirmRecordingChain)
        {
            // The file ends in a close record, so that the chain confirm would act with a session.
            content[^118] = 3;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(content.Length - 117), 113);
            device.Storage.WriteAllBytes(RecordingName, content);
        }

        host.Hello();
        string[] expectedReasons = Prepare(device, host, attack);
        device.Clock.Advance(1001);

        DockTestHost.Answer answer = host.Request(command, Payload(command, content));

        Assert.Equal(DockError.NotAuthenticated, answer.Error);
        Assert.Equal(attack == Attack.ExpiredSession ? 1u : 0u, answer.Detail);
        Assert.False(device.Service.IsAuthenticated);
        AssertUnchanged(device, command != DockCommand.ResetProvisioning);
        IReadOnlyList<AuditRecord> audit = VerifiedAudit(device);
        Assert.All(audit, r => Assert.Equal(AuditEventKind.AuthenticationFailed, r.Kind));
        Assert.Equal(expectedReasons.Append(attack == Attack.ExpiredSession ? "dock-auth:session-expired" : "dock-auth:no-session"), audit.Select(r => r.Subject));
    }

    [Fact]
    public void ConfirmRecordingChain_TheMatrixPayloadWithASession_Deletes()
    {
        // The chain confirm the matrix sends without a session is one that acts with a session.
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        byte[] content = device.AddRecording(RecordingName, 5000, 1);
        content[^118] = 3;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(content.Length - 117), 113);
        device.Storage.WriteAllBytes(RecordingName, content);
        host.Hello();
        host.Authenticate(s_authority);

        DockTestHost.Answer answer = host.Request(DockCommand.ConfirmRecordingChain, Payload(DockCommand.ConfirmRecordingChain, content));

        Assert.False(answer.IsError, answer.IsError ? answer.Error + " " + answer.Detail : null);
        Assert.False(device.Recordings.Contains(RecordingName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PushConfiguration_SignedByAnotherMunicipality_RefusedUnchangedAndAudited(bool dockSession)
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        host.Hello();
        Assert.False((dockSession ? host.Authenticate(s_dockKey, 2, Certificate(s_authority)) : host.Authenticate(s_authority)).IsError);

        DockTestHost.Answer answer = host.Request(DockCommand.PushConfiguration, Configuration(dockSession ? s_dockKey : s_otherAuthority, 5));

        Assert.Equal(DockError.BadSignature, answer.Error);
        Assert.Empty(device.Configuration.Applied);
        Assert.Equal(0, device.Configuration.AppliedSequence);
        Assert.Equal(["dock-auth:config-bad-signature"], VerifiedAudit(device).Select(r => r.Subject));
    }

    [Fact]
    public void PushConfiguration_Replayed_RefusedAsStaleAndAppliedOnce()
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        host.Hello();
        host.Authenticate(s_authority);
        byte[] request = Configuration(s_authority, 5);
        Assert.False(host.Request(DockCommand.PushConfiguration, request).IsError);

        DockTestHost.Answer replay = host.Request(DockCommand.PushConfiguration, request);

        Assert.Equal(DockError.StaleConfiguration, replay.Error);
        Assert.Single(device.Configuration.Applied);
        Assert.Equal(["sequence=5"], VerifiedAudit(device).Select(r => r.Subject));
    }

    [Fact]
    public void Provision_ProvisionedDeviceWithAnotherMunicipalitysKey_RefusedUnchangedAndAudited()
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        host.Hello();

        DockTestHost.Answer answer = host.Request(DockCommand.Provision, Provision(s_otherAuthority, s_otherAuthority, "hattem"));

        Assert.Equal(DockError.AlreadyProvisioned, answer.Error);
        Assert.Equal("heerde", device.Provisioning.MunicipalityId);
        Assert.Equal(["dock-auth:already-provisioned"], VerifiedAudit(device).Select(r => r.Subject));
    }

    [Fact]
    public void Provision_UnprovisionedDeviceWithoutProofOfPossession_RefusedUnchangedAndAudited()
    {
        var device = new DockTestDevice();
        var host = new DockTestHost(device);
        host.Hello();

        // The request installs one authority key but is signed by another: no proof of possession.
        DockTestHost.Answer answer = host.Request(DockCommand.Provision, Provision(s_authority, s_otherAuthority, "oldebroek"));

        Assert.Equal(DockError.BadSignature, answer.Error);
        Assert.Equal(ProvisioningState.Unprovisioned, device.Provisioning.State);
        Assert.Equal(["dock-auth:provision-bad-signature"], VerifiedAudit(device).Select(r => r.Subject));
    }

    [Fact]
    public void ResetProvisioning_DockKeySession_ForbiddenUnchangedAndAudited()
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        host.Hello();
        Assert.False(host.Authenticate(s_dockKey, 2, Certificate(s_authority)).IsError);

        DockTestHost.Answer answer = host.Request(DockCommand.ResetProvisioning, []);

        Assert.Equal(DockError.Forbidden, answer.Error);
        Assert.True(device.Provisioning.IsProvisioned);
        Assert.Equal(["dock-auth:forbidden"], VerifiedAudit(device).Select(r => r.Subject));
    }

    [Fact]
    public void AuthBegin_FloodOfBadAnswers_RateLimitedAndAuditBounded()
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        device.AddRecording(RecordingName, 5000, 1);
        host.Hello();
        int refused = 0;
        int limited = 0;
        long start = device.Clock.Now;

        // 2000 tries, 50 ms apart: 100 s of an attacker hammering the port with wrong keys.
        for (int i = 0; i < 2000; i++)
        {
            DockTestHost.Answer answer = host.Authenticate(s_otherAuthority);
            if (answer.Error == DockError.RateLimited)
            {
                limited++;
                Assert.InRange(answer.Detail, 1u, 64000u);
            }
            else
            {
                Assert.Equal(DockError.AuthenticationFailed, answer.Error);
                refused++;
            }

            device.Clock.Advance(50);
        }

        long seconds = (device.Clock.Now - start) / 1000;
        IReadOnlyList<AuditRecord> audit = VerifiedAudit(device);

        // After 3 free tries the backoff doubles to 64 s: few signature checks, and at most one audit record a second.
        Assert.InRange(refused, 3, 10);
        Assert.Equal(2000 - refused, limited);
        Assert.InRange(audit.Count, 1, seconds + 1);
        Assert.All(audit, r => Assert.StartsWith("dock-auth:bad-signature", r.Subject, StringComparison.Ordinal));
        Assert.True(device.Storage.Exists(RecordingName));
        Assert.False(device.Service.IsAuthenticated);
    }

    [Fact]
    public void AuthBegin_DuringBackoff_RefusedEvenForTheRightKey()
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        var host = new DockTestHost(device);
        host.Hello();
        for (int i = 0; i < 4; i++)
        {
            host.Authenticate(s_otherAuthority);
            device.Clock.Advance(1000);
        }

        DockTestHost.Answer during = host.Authenticate(s_authority);
        device.Clock.Advance(2000);
        DockTestHost.Answer after = host.Authenticate(s_authority);

        Assert.Equal(DockError.RateLimited, during.Error);
        Assert.False(after.IsError);
        Assert.True(device.Service.IsAuthenticated);
    }

    private static string[] Prepare(DockTestDevice device, DockTestHost host, Attack attack)
    {
        switch (attack)
        {
            case Attack.NoSession:
                return [];
            case Attack.BadSignature:
                {
                    DockTestHost.Answer begin = host.Request(DockCommand.AuthBegin, []);
                    byte[] proof = host.Prove(begin.Payload[..32], s_authority, 1, null);
                    proof[10] ^= 0x20;
                    Assert.Equal(DockError.AuthenticationFailed, host.Request(DockCommand.AuthProve, proof).Error);
                    return ["dock-auth:bad-signature"];
                }

            case Attack.ReplayedAnswerWithoutChallenge:
            case Attack.ReplayedAnswerToNewChallenge:
                {
                    // An answer captured from an earlier, legitimate session.
                    DockTestHost.Answer begin = host.Request(DockCommand.AuthBegin, []);
                    byte[] proof = host.Prove(begin.Payload[..32], s_authority, 1, null);
                    Assert.False(host.Request(DockCommand.AuthProve, proof).IsError);
                    host.Request(DockCommand.EndSession, []);
                    if (attack == Attack.ReplayedAnswerWithoutChallenge)
                    {
                        Assert.Equal(DockError.BadSequence, host.Request(DockCommand.AuthProve, proof).Error);
                        return ["dock-auth:no-challenge"];
                    }

                    host.Request(DockCommand.AuthBegin, []);
                    Assert.Equal(DockError.AuthenticationFailed, host.Request(DockCommand.AuthProve, proof).Error);
                    return ["dock-auth:bad-signature"];
                }

            case Attack.ExpiredChallenge:
                {
                    DockTestHost.Answer begin = host.Request(DockCommand.AuthBegin, []);
                    device.Clock.Advance(30001);
                    Assert.Equal(DockError.AuthenticationFailed, host.Request(DockCommand.AuthProve, host.Prove(begin.Payload[..32], s_authority, 1, null)).Error);
                    return ["dock-auth:challenge-expired"];
                }

            case Attack.ExpiredSession:
                Assert.False(host.Authenticate(s_authority).IsError);
                device.Clock.Advance(600001);
                return [];
            case Attack.OtherMunicipalityKey:
                Assert.Equal(DockError.AuthenticationFailed, host.Authenticate(s_otherAuthority).Error);
                return ["dock-auth:bad-signature"];
            default:
                {
                    byte[] certificate = DockTestHost.Certificate(s_otherAuthority, "heerde", DockTestHost.PublicKey(s_dockKey), 1900000000000);
                    Assert.Equal(DockError.AuthenticationFailed, host.Authenticate(s_dockKey, 2, certificate).Error);
                    return ["dock-auth:bad-certificate"];
                }
        }
    }

    private static byte[] Payload(DockCommand command, byte[] content)
    {
        // Well-formed requests that would act if the session were valid (the confirm carries the right hash, the
        // configuration the authority's own signature).
        return command switch
        {
            DockCommand.ListRecordings => [0, 0],
            DockCommand.ReadRecording => DockTestHost.NameRequest(RecordingName, BitConverter.GetBytes(0L), BitConverter.GetBytes(100u)),
            DockCommand.ConfirmOffload => [1, .. DockTestHost.NameRequest(RecordingName, SHA256.HashData(content))],
            DockCommand.ConfirmRecordingChain => DockTestHost.NameRequest("rec-0001", [1, 0], ChainDigest(content)),
            DockCommand.ReadAudit => [.. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(100u)],
            DockCommand.SetClock => BitConverter.GetBytes(ClockValue),
            DockCommand.PushConfiguration => Configuration(s_authority, 5),
            _ => [],
        };
    }

    // docs/dock-protocol.md, "ConfirmRecordingChain": the digest over the one file's name, length and final chain hash.
    private static byte[] ChainDigest(byte[] content)
    {
        byte[] chain = SHA256.HashData([.. content.AsSpan(content.Length - 118 + 22, 32), .. content.AsSpan(content.Length - 118)]);
        byte[] m0 = SHA256.HashData([.. System.Text.Encoding.ASCII.GetBytes("BODYCAM-CONFIRM-CHAIN"), 8, .. "rec-0001"u8, 1, 0]);
        return SHA256.HashData([.. m0, (byte)RecordingName.Length, .. System.Text.Encoding.ASCII.GetBytes(RecordingName), .. BitConverter.GetBytes((ulong)content.Length), .. chain]);
    }

    private static void AssertUnchanged(DockTestDevice device, bool hasRecording)
    {
        Assert.Equal(hasRecording, device.Storage.Exists(RecordingName));
        Assert.False(device.Rtc.IsSet);
        Assert.Empty(device.Configuration.Applied);
        Assert.True(device.Provisioning.IsProvisioned);
        Assert.Equal("heerde", device.Provisioning.MunicipalityId);
    }

    private static IReadOnlyList<AuditRecord> VerifiedAudit(DockTestDevice device)
    {
        byte[] trail = device.Storage.Exists("audit.log") ? device.Storage.ReadAllBytes("audit.log") : [];
        AuditVerification verification = AuditTrailVerifier.Verify(trail, device.SecureElement.DevicePublicKey);
        Assert.Equal(AuditTrailStatus.Valid, verification.Status);
        return verification.Records;
    }

    private static byte[] Certificate(byte[] authority) =>
        DockTestHost.Certificate(authority, "heerde", DockTestHost.PublicKey(s_dockKey), 1900000000000);

    private static byte[] Configuration(byte[] signer, long sequence)
    {
        byte[] document = "pre-record=30s"u8.ToArray();
        using MemoryStream signed = new();
        signed.Write(Encoding.ASCII.GetBytes(DockProtocol.ConfigurationLabel));
        DockTestHost.Str(signed, "heerde");
        signed.Write(BitConverter.GetBytes(sequence));
        signed.Write(BitConverter.GetBytes((ushort)document.Length));
        signed.Write(document);
        return [.. BitConverter.GetBytes(sequence), .. BitConverter.GetBytes((ushort)document.Length), .. document, .. DockTestHost.Sign(signer, signed.ToArray())];
    }

    private static byte[] Provision(byte[] installedAuthority, byte[] signer, string municipality)
    {
        using MemoryStream body = new();
        DockTestHost.Str(body, municipality);
        body.Write(DockTestHost.PublicKey(installedAuthority));
        body.WriteByte(1);
        body.Write(DockTestHost.Key(5));
        byte[] unsigned = body.ToArray();
        using MemoryStream signed = new();
        signed.Write(Encoding.ASCII.GetBytes(DockProtocol.ProvisionLabel));
        DockTestHost.Str(signed, "bc-0001");
        signed.Write(unsigned);
        return [.. unsigned, .. DockTestHost.Sign(signer, signed.ToArray())];
    }
}
