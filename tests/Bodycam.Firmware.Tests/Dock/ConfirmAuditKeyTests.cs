using System;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Dock;
using Bodycam.Testing.Dock;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

/// <summary>
/// The audit trail names the key that confirmed an offload (docs/audit-trail.md, "Event types", Offloaded): for each
/// of ConfirmOffload (0x22), ConfirmRecording (0x23) and ConfirmRecordingChain (0x24), with an authority session and
/// with a certified dock key's session, every Offloaded subject is the file name followed by <c>;key=authority:F</c>
/// or <c>;key=dock:F</c> (F: the first 8 bytes of the SHA-256 of the session's public key, 16 lower-case hex digits),
/// and every Deleted subject is the file name alone. Requests and expected subjects are written from the docs.
/// </summary>
public class ConfirmAuditKeyTests
{
    private const long Now2026 = 1_795_939_200_000;
    private const byte CloseType = 3;
    private static readonly byte[] s_authority = DockTestHost.Key(100);
    private static readonly byte[] s_dock = DockTestHost.Key(300);
    private static readonly string[] s_names = ["rec-0001.bcr", "rec-0001.1.bcr"];

    private readonly DockTestDevice _device;
    private readonly DockTestHost _host;

    public ConfirmAuditKeyTests()
    {
        _device = new DockTestDevice();
        _device.Enrol("heerde", s_authority);
        _device.Rtc.Set(Now2026);
        _host = new DockTestHost(_device);
        _host.Hello();
    }

    [Theory]
    [InlineData(DockCommand.ConfirmOffload, false)]
    [InlineData(DockCommand.ConfirmOffload, true)]
    [InlineData(DockCommand.ConfirmRecording, false)]
    [InlineData(DockCommand.ConfirmRecording, true)]
    [InlineData(DockCommand.ConfirmRecordingChain, false)]
    [InlineData(DockCommand.ConfirmRecordingChain, true)]
    public void Confirm_OffloadedNamesTheFileAndTheSessionsKey_DeletedNamesTheFile(DockCommand command, bool dockKey)
    {
        byte[][] files = [AddClosed(0, 700), AddClosed(1, 900)];
        OpenSession(dockKey);

        DockTestHost.Answer answer = _host.Request(command, Request(command, files));

        Assert.False(answer.IsError, answer.IsError ? answer.Error + " " + answer.Detail : null);
        string suffix = dockKey ? ";key=dock:" + Fingerprint(s_dock) : ";key=authority:" + Fingerprint(s_authority);
        Assert.Equal(s_names.Select(n => n + suffix), AuditSubjects(AuditEventType.Offloaded));
        Assert.Equal(s_names, AuditSubjects(AuditEventType.Deleted));
    }

    [Fact]
    public void Confirm_TheKeyIsNamedByFingerprintNeverWhole()
    {
        byte[][] files = [AddClosed(0, 700), AddClosed(1, 900)];
        OpenSession(dockKey: true);

        _host.Request(DockCommand.ConfirmRecording, Request(DockCommand.ConfirmRecording, files));

        string trail = Encoding.ASCII.GetString(_device.Storage.ReadAllBytes("audit.log"));
        Assert.DoesNotContain(Convert.ToHexStringLower(DockTestHost.PublicKey(s_dock)), trail);
        Assert.DoesNotContain(Convert.ToHexStringLower(DockTestHost.PublicKey(s_authority)), trail);
        Assert.All(AuditSubjects(AuditEventType.Offloaded), s => Assert.Matches("^rec-0001(\\.1)?\\.bcr;key=dock:[0-9a-f]{16}$", s));
    }

    [Fact]
    public void Confirm_LongestFileName_KeepsTheWholeSuffixWithinTheSubjectLimit()
    {
        // A dock file name is at most 64 characters (docs/dock-protocol.md, str8 names; IDockRecordings): with the
        // longest suffix (authority, 31 characters) the subject is 95, within the format's 96.
        string name = "rec-0001" + new string('x', 60 - "rec-0001".Length) + ".bcr";
        Assert.Equal(DockProtocol.MaxStringLength, name.Length);
        byte[] content = _device.AddRecording(name, 500, 5);
        OpenSession(dockKey: false);

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmOffload, [1, .. DockTestHost.NameRequest(name, SHA256.HashData(content))]);

        Assert.False(answer.IsError, answer.IsError ? answer.Error + " " + answer.Detail : null);
        string subject = Assert.Single(AuditSubjects(AuditEventType.Offloaded));
        Assert.Equal(name + ";key=authority:" + Fingerprint(s_authority), subject);
        Assert.Equal(95, subject.Length);
        Assert.Equal(DockProtocol.AuditKeySuffixMaxLength, subject.Length - name.Length);
        Assert.InRange(subject.Length, 0, AuditTrail.MaxSubjectLength);
    }

    [Fact]
    public void Confirm_RefusedConfirm_AuditsNoOffload()
    {
        byte[][] files = [AddClosed(0, 700), AddClosed(1, 900)];
        OpenSession(dockKey: true);
        byte[] request = Request(DockCommand.ConfirmRecording, files);
        request[^1] ^= 1;

        DockTestHost.Answer answer = _host.Request(DockCommand.ConfirmRecording, request);

        Assert.Equal(DockError.HashMismatch, answer.Error);
        Assert.Empty(AuditSubjects(AuditEventType.Offloaded));
        Assert.Equal(s_names, _device.Recordings.Names);
    }

    private static string Fingerprint(byte[] privateKey) => Convert.ToHexStringLower(SHA256.HashData(DockTestHost.PublicKey(privateKey))[..8]);

    private static byte[] Str(string value) => [(byte)value.Length, .. Encoding.ASCII.GetBytes(value)];

    // The payload of each confirm for the whole recording "rec-0001" (docs/dock-protocol.md, the command's section).
    private static byte[] Request(DockCommand command, byte[][] files)
    {
        switch (command)
        {
            case DockCommand.ConfirmOffload:
                return [(byte)files.Length, .. files.SelectMany((f, i) => DockTestHost.NameRequest(s_names[i], SHA256.HashData(f)))];
            case DockCommand.ConfirmRecording:
            {
                byte[] link = SHA256.HashData([.. Encoding.ASCII.GetBytes("BODYCAM-CONFIRM-V2"), .. Str("rec-0001"), .. BitConverter.GetBytes((ushort)files.Length)]);
                for (int i = 0; i < files.Length; i++)
                {
                    link = SHA256.HashData([.. link, .. Str(s_names[i]), .. SHA256.HashData(files[i])]);
                }

                return [.. Str("rec-0001"), .. BitConverter.GetBytes((ushort)files.Length), .. link];
            }

            case DockCommand.ConfirmRecordingChain:
            {
                byte[] link = SHA256.HashData([.. Encoding.ASCII.GetBytes("BODYCAM-CONFIRM-CHAIN"), .. Str("rec-0001"), .. BitConverter.GetBytes((ushort)files.Length)]);
                for (int i = 0; i < files.Length; i++)
                {
                    // Final chain hash of a file ending in a close record (type 3, body 113, chain at body offset 17).
                    byte[] f = files[i];
                    byte[] chain = SHA256.HashData([.. f.AsSpan(f.Length - 118 + 5 + 17, 32), .. f.AsSpan(f.Length - 118)]);
                    link = SHA256.HashData([.. link, .. Str(s_names[i]), .. BitConverter.GetBytes((ulong)f.Length), .. chain]);
                }

                return [.. Str("rec-0001"), .. BitConverter.GetBytes((ushort)files.Length), .. link];
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    // Seeded bytes ending in a close record with a seeded chain field, so that all three confirms accept the file.
    private byte[] AddClosed(int index, int length)
    {
        byte[] content = new byte[length];
        new Random(index).NextBytes(content);
        int at = length - 5 - 113;
        content[at] = CloseType;
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(at + 1), 113);
        _device.Recordings.Add(s_names[index], content);
        return content;
    }

    private void OpenSession(bool dockKey)
    {
        DockTestHost.Answer answer = dockKey
            ? _host.Authenticate(s_dock, 2, DockTestHost.Certificate(s_authority, "heerde", DockTestHost.PublicKey(s_dock), Now2026 + 86_400_000))
            : _host.Authenticate(s_authority);
        Assert.False(answer.IsError, answer.IsError ? answer.Error.ToString() : null);
    }

    private string[] AuditSubjects(AuditEventType kind)
    {
        if (!_device.Storage.Exists("audit.log"))
        {
            return [];
        }

        Bodycam.Sdk.Audit.AuditVerification verification = Bodycam.Sdk.Audit.AuditTrailVerifier.Verify(_device.Storage.ReadAllBytes("audit.log"), _device.SecureElement.DevicePublicKey);
        Assert.Equal(Bodycam.Sdk.Audit.AuditTrailStatus.Valid, verification.Status);
        return verification.Records.Where(r => (int)r.Kind == (int)kind).Select(r => r.Subject).ToArray();
    }
}
