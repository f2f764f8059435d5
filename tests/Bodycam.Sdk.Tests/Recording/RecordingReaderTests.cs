using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Sdk.Tests.Recording;

/// <summary>The reader on the stored format vectors (tests/vectors/recording), without the firmware.</summary>
public class RecordingReaderTests
{
    [Fact]
    public void ReadHeader_CompleteVector_GivesTheHeaderFields()
    {
        RecordingHeader header = new RecordingReader(Vector("complete.bin")).ReadHeader();

        Assert.Equal(2, header.Version);
        Assert.Equal("hattem-cam-01", header.DeviceId);
        Assert.Equal(VideoCodec.Synthetic, header.VideoCodec);
        Assert.Equal((320, 240, 10), (header.Width, header.Height, header.FramesPerSecond));
        Assert.Equal((8000, 1, 1), (header.AudioSampleRate, header.AudioFormat, header.AudioChannels));
        Assert.Equal(0, header.StartMonotonicMilliseconds); // file 0 of a recording starts its own clock (format §1)
        Assert.Equal(1_780_000_000_000, header.StartUnixMilliseconds);
        Assert.True(header.ClockSynchronised);
        Assert.Equal(0, header.ContinuationIndex);
        Assert.All(header.PreviousChainHash.ToArray(), b => Assert.Equal(0, b));
        Assert.Single(header.Recipients);
        Assert.Equal(Hex(Json("complete.json")["headerHash"]), header.HeaderHash.ToArray());
    }

    [Fact]
    public void Decrypt_RecoveredVector_IsClosedByRecoveryAndNotComplete()
    {
        JsonNode doc = Json("recovered.json");

        RecordingResult result = new RecordingReader(Vector("recovered.bin")).Decrypt(Hex(doc["devicePublicKey"]), Hex(doc["recipientPrivateKeys"]![0]));

        Assert.Equal(RecordingStatus.ClosedByRecovery, result.Status);
        Assert.Equal((long)doc["bytesCut"]!, result.BytesCut);
        Assert.Equal(result.SegmentCount - 1, result.LastGoodSegment);
        Assert.Null(result.CloseReason);
        var ex = Assert.Throws<RecordingFormatException>(() => result.EnsureComplete());
        Assert.Equal(RecordingFormatError.NotComplete, ex.Error);
    }

    [Fact]
    public void Verify_CompleteVector_FinalChainHashMatches()
    {
        JsonNode doc = Json("complete.json");

        RecordingResult result = new RecordingReader(Vector("complete.bin")).Verify(Hex(doc["devicePublicKey"]));

        Assert.Equal(RecordingStatus.Complete, result.EnsureComplete().Status);
        Assert.Equal(Hex(doc["finalChainHash"]), result.FinalChainHash.ToArray());
        Assert.Equal(RecordingCloseReason.Stopped, result.CloseReason);
    }

    [Fact]
    public void Decrypt_CompleteVector_FinalChainHashMatchesVerify()
    {
        JsonNode doc = Json("complete.json");
        var reader = new RecordingReader(Vector("complete.bin"));

        RecordingResult decrypted = reader.Decrypt(Hex(doc["devicePublicKey"]), Hex(doc["recipientPrivateKeys"]![0]));

        Assert.Equal(RecordingStatus.Complete, decrypted.Status);
        Assert.Equal(Hex(doc["finalChainHash"]), decrypted.FinalChainHash.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Decrypt_DamagedVector_AgreesWithVerifyOnChainAndCounts(int damage)
    {
        JsonNode doc = Json("complete.json");
        byte[] file = Vector("complete.bin");
        int header = new RecordingReader(file).ReadHeader().Length;
        switch (damage)
        {
            case 0:
                // Cut inside the second record.
                file = file[..(header + 5 + (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(header + 1)) + 40)];
                break;
            case 1:
                // An impossible length in the first record: neither side may hash past it.
                file[header + 1] = 0xFF;
                break;
            default:
                // A flipped byte inside the last record: the chain differs from the device's.
                file[^70] ^= 0x01;
                break;
        }

        var reader = new RecordingReader(file);
        RecordingResult verified = reader.Verify(Hex(doc["devicePublicKey"]));
        RecordingResult decrypted = reader.Decrypt(Hex(doc["devicePublicKey"]), Hex(doc["recipientPrivateKeys"]![0]));

        Assert.NotEqual(RecordingStatus.Complete, decrypted.Status);
        Assert.Equal(verified.RecordCount, decrypted.RecordCount);
        Assert.Equal(verified.FinalChainHash.ToArray(), decrypted.FinalChainHash.ToArray());
    }

    [Fact]
    public void Decrypt_StanzaWithLowOrderEphemeralKey_IsRejected()
    {
        JsonNode doc = Json("complete.json");
        byte[] file = Vector("complete.bin");
        RecordingHeader header = new RecordingReader(file).ReadHeader();
        int epk = header.Recipients[0].Offset + 33;
        Array.Clear(file, epk, 32);

        RecordingResult result = new RecordingReader(file).Decrypt(Hex(doc["devicePublicKey"]), Hex(doc["recipientPrivateKeys"]![0]));

        Assert.Equal(RecordingStatus.Tampered, result.Status);
        Assert.Equal(RecordingFormatError.RecipientStanzaInvalid, result.Error);
        Assert.Equal(-1, result.FailedRecordIndex);
        Assert.Equal(header.Recipients[0].Offset, result.FailedOffset);
        Assert.Empty(result.Frames);
    }

    [Fact]
    public void Decrypt_SealedContentKeyAltered_IsRecipientStanzaInvalid()
    {
        JsonNode doc = Json("multi-recipient.json");
        byte[] file = Vector("multi-recipient.bin");
        RecordingHeader header = new RecordingReader(file).ReadHeader();
        file[header.Recipients[1].Offset + 70] ^= 1;

        RecordingResult second = new RecordingReader(file).Decrypt(Hex(doc["devicePublicKey"]), Hex(doc["recipientPrivateKeys"]![1]));
        RecordingResult first = new RecordingReader(file).Decrypt(Hex(doc["devicePublicKey"]), Hex(doc["recipientPrivateKeys"]![0]));

        Assert.Equal(RecordingFormatError.RecipientStanzaInvalid, second.Error);

        // The first recipient's stanza still opens, but the altered header no longer matches the header hash the
        // signed open record carries (version 2: checked before any segment).
        Assert.Equal(RecordingFormatError.ChainMismatch, first.Error);
        Assert.Equal(0, first.FailedRecordIndex);
    }

    [Fact]
    public void ReadHeader_UnknownVersion_ThrowsUnsupportedVersion()
    {
        byte[] file = Vector("complete.bin");
        file[7] = 3;

        var ex = Assert.Throws<RecordingFormatException>(() => new RecordingReader(file).ReadHeader());

        Assert.Equal(RecordingFormatError.UnsupportedVersion, ex.Error);
        Assert.Equal(-1, ex.RecordIndex);
        Assert.Equal(6, ex.Offset);
    }

    [Fact]
    public void ReadHeader_RecipientCountDisagreesWithLength_ThrowsMalformedHeader()
    {
        byte[] file = Vector("complete.bin");
        RecordingHeader header = new RecordingReader(file).ReadHeader();
        file[header.Recipients[0].Offset - 1] = 2;

        var ex = Assert.Throws<RecordingFormatException>(() => new RecordingReader(file).ReadHeader());

        Assert.Equal(RecordingFormatError.MalformedHeader, ex.Error);
    }

    [Fact]
    public void Decrypt_ShortPrivateKey_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => new RecordingReader(Vector("complete.bin")).Decrypt(new byte[32], new byte[31]));
    }

    private static byte[] Hex(JsonNode? node) => Convert.FromHexString((string)node!);

    private static JsonNode Json(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory(), name)))!;

    private static byte[] Vector(string name) => File.ReadAllBytes(Path.Combine(Directory(), name));

    private static string Directory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bodycam.Device.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "tests", "vectors", "recording");
    }
}
