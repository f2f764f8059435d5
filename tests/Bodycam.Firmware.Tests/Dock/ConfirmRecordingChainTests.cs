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
/// ConfirmRecordingChain (0x24) on the device side, in the conformance style: the host's bytes and the expected
/// answers are written from docs/dock-protocol.md, "ConfirmRecordingChain", and the close records from
/// docs/recording-format.md, "4.3" (close: type 3, body 113, chain at body offset 17; closed by recovery: type 4,
/// body 116, chain at 20). The device does not check signatures here (the host did), so the records' other bytes
/// are seeded noise.
/// </summary>
public class ConfirmRecordingChainTests
{
    private const byte CloseType = 3;
    private const byte RecoveryType = 4;
    private static readonly byte[] s_authority = DockTestHost.Key(100);

    private readonly DockTestDevice _device;
    private readonly DockTestHost _host;

    public ConfirmRecordingChainTests()
    {
        _device = new DockTestDevice();
        _device.Enrol("heerde", s_authority);
        _host = new DockTestHost(_device);
        _host.Hello();
    }

    [Fact]
    public void RightDigest_DeletesTheWholeRecordingAndAuditsEachFile()
    {
        byte[][] files = [AddClosed(0, 700, CloseType), AddClosed(1, 900, CloseType), AddClosed(2, 500, RecoveryType)];
        _device.AddRecording("other.bcr", 300, 99);
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 3, Manifest("rec-0001", files));

        Assert.False(answer.IsError, answer.IsError ? answer.Error + " " + answer.Detail : null);
        Assert.Equal((int)DockCommand.ConfirmRecordingChain | DockProtocol.ResponseFlag, answer.Type);
        Assert.Equal(3, LittleEndian.ReadUInt16(answer.Payload, 0));
        Assert.Equal(["other.bcr"], _device.Recordings.Names);
        string[] names = [Name(0), Name(1), Name(2)];
        string key = ";key=authority:" + Convert.ToHexStringLower(SHA256.HashData(DockTestHost.PublicKey(s_authority))[..8]);
        Assert.Equal(names.Select(n => n + key), AuditSubjects(AuditEventType.Offloaded));
        Assert.Equal(names, AuditSubjects(AuditEventType.Deleted));
    }

    [Fact]
    public void RightDigest_ManyFiles_DeletesTheWholeRecording()
    {
        byte[][] files = Enumerable.Range(0, 40).Select(i => AddClosed(i, 200 + i, CloseType)).ToArray();
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 40, Manifest("rec-0001", files));

        Assert.False(answer.IsError, answer.IsError ? answer.Error + " " + answer.Detail : null);
        Assert.Equal(40, LittleEndian.ReadUInt16(answer.Payload, 0));
        Assert.Equal(0, _device.Recordings.Count);
    }

    [Fact]
    public void WrongChainHash_IsHashMismatchAndDeletesNothing()
    {
        byte[][] files = [AddClosed(0, 700, CloseType), AddClosed(1, 900, CloseType)];
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 2, Manifest("rec-0001", files, tamperChain: 1));

        AssertRefused(answer, DockError.HashMismatch, DockProtocol.DetailDigestDiffers, 2);
    }

    [Fact]
    public void WrongLength_IsHashMismatchAndDeletesNothing()
    {
        byte[][] files = [AddClosed(0, 700, CloseType), AddClosed(1, 900, CloseType)];
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 2, Manifest("rec-0001", files, lengthDelta: 1));

        AssertRefused(answer, DockError.HashMismatch, DockProtocol.DetailDigestDiffers, 2);
    }

    [Fact]
    public void WrongName_IsHashMismatchAndDeletesNothing()
    {
        byte[][] files = [AddClosed(0, 700, CloseType), AddClosed(1, 900, CloseType)];
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 2, Manifest("rec-0001", files, names: [Name(0), "rec-0001.9.bcr"]));

        AssertRefused(answer, DockError.HashMismatch, DockProtocol.DetailDigestDiffers, 2);
    }

    [Fact]
    public void DigestOfTheWholeFileSha256_IsHashMismatch()
    {
        // A host that mixes up the two confirms (file SHA-256 in place of the final chain hash) deletes nothing.
        byte[][] files = [AddClosed(0, 700, CloseType)];
        _host.Authenticate(s_authority);
        byte[] link = SHA256.HashData([.. Encoding.ASCII.GetBytes("BODYCAM-CONFIRM-CHAIN"), .. Str("rec-0001"), .. BitConverter.GetBytes((ushort)1)]);
        link = SHA256.HashData([.. link, .. Str(Name(0)), .. BitConverter.GetBytes((ulong)files[0].Length), .. SHA256.HashData(files[0])]);

        DockTestHost.Answer answer = Confirm("rec-0001", 1, link);

        AssertRefused(answer, DockError.HashMismatch, DockProtocol.DetailDigestDiffers, 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void FileNotEndingInACloseRecord_IsHashMismatchNamingTheFileAndDeletesNothing(int interrupted)
    {
        // The interrupted file ends one byte after a close record: the last record is not a close.
        byte[][] files = new byte[2][];
        for (int i = 0; i < 2; i++)
        {
            files[i] = i == interrupted ? AddRaw(i, [.. ClosedContent(i, 700, CloseType), 0x01]) : AddClosed(i, 700, CloseType);
        }

        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 2, Manifest("rec-0001", files));

        AssertRefused(answer, DockError.HashMismatch, DockProtocol.DetailNoCloseRecordBase + (uint)interrupted, 2);
    }

    [Theory]
    [InlineData(CloseType, 114)] // a close record's type with another body length
    [InlineData(RecoveryType, 113)] // a recovery record's type with a close record's body length
    [InlineData(2, 113)] // a checkpoint's type
    public void LastRecordOfTheWrongTypeOrSize_IsHashMismatchNamingTheFile(byte type, int bodyLength)
    {
        byte[] content = ClosedContent(0, 700, CloseType);
        content[^118] = type;
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(content.Length - 117), (uint)bodyLength);
        byte[][] files = [AddRaw(0, content)];
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 1, Manifest("rec-0001", files));

        AssertRefused(answer, DockError.HashMismatch, DockProtocol.DetailNoCloseRecordBase, 1);
    }

    [Fact]
    public void FileShorterThanACloseRecord_IsHashMismatchNamingTheFile()
    {
        AddRaw(0, new byte[117]);
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 1, new byte[32]);

        AssertRefused(answer, DockError.HashMismatch, DockProtocol.DetailNoCloseRecordBase, 1);
    }

    [Fact]
    public void CountDifferentFromTheRecordingsFiles_IsBadRequestIncompleteRecording()
    {
        byte[][] files = [AddClosed(0, 700, CloseType), AddClosed(1, 900, CloseType), AddClosed(2, 900, CloseType)];
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 2, Manifest("rec-0001", files[..2]));

        AssertRefused(answer, DockError.BadRequest, DockProtocol.DetailIncompleteRecording, 3);
    }

    [Fact]
    public void UnknownRecording_IsNotFound()
    {
        byte[][] files = [AddClosed(0, 700, CloseType)];
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0002", 1, Manifest("rec-0002", files));

        AssertRefused(answer, DockError.NotFound, 0, 1);
    }

    [Fact]
    public void OpenFile_IsBusyWithItsIndex()
    {
        byte[][] files = [AddClosed(0, 700, CloseType), AddClosed(1, 900, CloseType)];
        _device.Recordings.Open.Add(Name(1));
        _host.Authenticate(s_authority);

        DockTestHost.Answer answer = Confirm("rec-0001", 2, Manifest("rec-0001", files));

        AssertRefused(answer, DockError.Busy, 1, 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void FileCountOutsideTheFormatsRange_IsBadRequestMalformedBeforeTheLookUp(int n)
    {
        AddClosed(0, 700, CloseType);
        _host.Authenticate(s_authority);

        // An unknown id too: malformed comes before NotFound.
        DockTestHost.Answer answer = Confirm("rec-0002", n, new byte[32]);

        AssertRefused(answer, DockError.BadRequest, DockProtocol.DetailMalformed, 1);
    }

    [Fact]
    public void ShortPayloadOrBadStr8_IsBadRequestMalformed()
    {
        AddClosed(0, 700, CloseType);
        _host.Authenticate(s_authority);

        DockTestHost.Answer shortDigest = _host.Request(DockCommand.ConfirmRecordingChain, [.. Str("rec-0001"), 1, 0, .. new byte[31]]);
        DockTestHost.Answer controlByte = _host.Request(DockCommand.ConfirmRecordingChain, [3, (byte)'r', 0x01, (byte)'c', 1, 0, .. new byte[32]]);

        AssertRefused(shortDigest, DockError.BadRequest, DockProtocol.DetailMalformed, 1);
        AssertRefused(controlByte, DockError.BadRequest, DockProtocol.DetailMalformed, 1);
    }

    [Fact]
    public void WithoutASession_IsNotAuthenticated()
    {
        byte[][] files = [AddClosed(0, 700, CloseType)];

        DockTestHost.Answer answer = Confirm("rec-0001", 1, Manifest("rec-0001", files));

        AssertRefused(answer, DockError.NotAuthenticated, 0, 1);
    }

    private static string Name(int i) => i == 0 ? "rec-0001.bcr" : "rec-0001." + i + ".bcr";

    private static byte[] Str(string value) => [(byte)value.Length, .. Encoding.ASCII.GetBytes(value)];

    // Seeded bytes that end in a close (type 3) or closed-by-recovery (type 4) record with a seeded chain field.
    private static byte[] ClosedContent(int seed, int length, byte type)
    {
        byte[] content = new byte[length];
        new Random(seed).NextBytes(content);
        int body = type == CloseType ? 113 : 116;
        int at = length - 5 - body;
        content[at] = type;
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(at + 1), (uint)body);
        return content;
    }

    // The spec's final chain hash: SHA-256(chain before the last record || the last record's bytes).
    private static byte[] FinalChainHash(byte[] file)
    {
        bool recovery = file[^121] == RecoveryType && BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(file.Length - 120)) == 116;
        int size = recovery ? 121 : 118;
        int chainAt = file.Length - size + 5 + (recovery ? 20 : 17);
        return SHA256.HashData([.. file.AsSpan(chainAt, 32), .. file.AsSpan(file.Length - size)]);
    }

    // The spec's manifest digest, written from docs/dock-protocol.md, "ConfirmRecordingChain".
    private static byte[] Manifest(string id, byte[][] files, int tamperChain = -1, int lengthDelta = 0, string[]? names = null)
    {
        byte[] link = SHA256.HashData([.. Encoding.ASCII.GetBytes("BODYCAM-CONFIRM-CHAIN"), .. Str(id), .. BitConverter.GetBytes((ushort)files.Length)]);
        for (int i = 0; i < files.Length; i++)
        {
            byte[] chain = FinalChainHash(files[i]);
            if (i == tamperChain)
            {
                chain[0] ^= 1;
            }

            ulong length = (ulong)(files[i].Length + (i == files.Length - 1 ? lengthDelta : 0));
            link = SHA256.HashData([.. link, .. Str(names?[i] ?? Name(i)), .. BitConverter.GetBytes(length), .. chain]);
        }

        return link;
    }

    private byte[] AddClosed(int index, int length, byte type) => AddRaw(index, ClosedContent(index, length, type));

    private byte[] AddRaw(int index, byte[] content)
    {
        _device.Recordings.Add(Name(index), content);
        return content;
    }

    private DockTestHost.Answer Confirm(string id, int files, byte[] digest) =>
        _host.Request(DockCommand.ConfirmRecordingChain, [.. Str(id), .. BitConverter.GetBytes((ushort)files), .. digest]);

    private void AssertRefused(DockTestHost.Answer answer, DockError error, uint detail, int filesKept)
    {
        Assert.True(answer.IsError, "the confirm was accepted");
        Assert.Equal(error, answer.Error);
        Assert.Equal((int)DockCommand.ConfirmRecordingChain, answer.Payload[2]);
        Assert.Equal(detail, answer.Detail);
        Assert.Equal(filesKept, _device.Recordings.Names.Count(n => n.StartsWith("rec-0001", StringComparison.Ordinal)));
        Assert.Empty(AuditSubjects(AuditEventType.Deleted));
    }

    private string[] AuditSubjects(AuditEventType kind)
    {
        if (!_device.Storage.Exists("audit.log"))
        {
            return [];
        }

        Bodycam.Sdk.Audit.AuditVerification verification = Bodycam.Sdk.Audit.AuditTrailVerifier.Verify(_device.Storage.ReadAllBytes("audit.log"), _device.SecureElement.DevicePublicKey);
        return verification.Records.Where(r => (int)r.Kind == (int)kind).Select(r => r.Subject).ToArray();
    }
}
