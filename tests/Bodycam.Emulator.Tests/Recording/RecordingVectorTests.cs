using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Recording;

/// <summary>
/// The format's test vectors in tests/vectors/recording/: fixed seeds regenerate byte-identical files, and the stored
/// files decrypt to the frames their JSON lists. Set BODYCAM_REGENERATE_VECTORS=1 to rewrite them deliberately
/// (after a reviewed format change).
/// </summary>
public class RecordingVectorTests
{
    public static TheoryData<string> Names => new() { "complete", "recovered", "multi-recipient" };

    [Theory]
    [MemberData(nameof(Names))]
    public void Generate_FixedSeeds_MatchesStoredVectorByteForByte(string name)
    {
        (byte[] file, RecordingRig rig) = Generate(name);
        using RecordingRig _ = rig;
        string bin = Path.Combine(VectorDirectory(), name + ".bin");
        string json = Path.Combine(VectorDirectory(), name + ".json");
        if (Environment.GetEnvironmentVariable("BODYCAM_REGENERATE_VECTORS") == "1")
        {
            File.WriteAllBytes(bin, file);
            File.WriteAllText(json, Describe(file, rig));
        }

        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(bin)), Convert.ToHexString(file));
        Assert.Equal(File.ReadAllText(json), Describe(file, rig));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decrypt_StoredVector_GivesTheListedFrames(string name)
    {
        byte[] file = File.ReadAllBytes(Path.Combine(VectorDirectory(), name + ".bin"));
        JsonNode doc = JsonNode.Parse(File.ReadAllText(Path.Combine(VectorDirectory(), name + ".json")))!;
        byte[] device = Convert.FromHexString((string)doc["devicePublicKey"]!);

        foreach (JsonNode? key in doc["recipientPrivateKeys"]!.AsArray())
        {
            RecordingResult result = new RecordingReader(file).Decrypt(device, Convert.FromHexString((string)key!));
            Assert.Equal((string)doc["status"]!, result.Status.ToString());
            Assert.Equal((int)doc["segments"]!, result.SegmentCount);
            var frames = doc["frames"]!.AsArray();
            Assert.Equal(frames.Count, result.Frames.Count);
            for (int i = 0; i < frames.Count; i++)
            {
                Assert.Equal((long)frames[i]!["t"]!, result.Frames[i].TimestampMilliseconds);
                Assert.Equal((string)frames[i]!["sha256"]!, Convert.ToHexStringLower(SHA256.HashData(result.Frames[i].Data.Span)));
            }
        }
    }

    private static (byte[] File, RecordingRig Rig) Generate(string name)
    {
        var options = RecordingRig.SmallOptions();
        options.SegmentMaxBytes = 1024;
        switch (name)
        {
            case "complete":
                {
                    var rig = new RecordingRig(seed: 1, options: options);
                    string id = rig.Record(2500, videoSize: 48, audioSize: 16);
                    return (rig.FirstFile(id), rig);
                }

            case "multi-recipient":
                {
                    var rig = new RecordingRig(seed: 3, recipients: 3, options: options);
                    string id = rig.Record(1500, videoSize: 48, audioSize: 16);
                    return (rig.FirstFile(id), rig);
                }

            default:
                {
                    var rig = new RecordingRig(seed: 2, options: options);
                    rig.Storage.TornWrites = TornWriteMode.TearUnsynced;
                    rig.Storage.CutPowerAfter(13);
                    Assert.Throws<StorageException>(() => rig.Record(2500, videoSize: 48, audioSize: 16));
                    rig.Reboot().RecoverInterrupted();
                    string id = rig.Store.ListRecordings().Single().RecordingId;
                    return (rig.FirstFile(id), rig);
                }
        }
    }

    private static string Describe(byte[] file, RecordingRig rig)
    {
        RecordingResult r = new RecordingReader(file).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0]);
        var frames = new JsonArray();
        foreach (var f in r.Frames)
        {
            frames.Add(new JsonObject
            {
                ["kind"] = f.Kind.ToString(),
                ["t"] = f.TimestampMilliseconds,
                ["key"] = f.KeyFrame,
                ["length"] = f.Data.Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(f.Data.Span)),
            });
        }

        var doc = new JsonObject
        {
            ["devicePublicKey"] = Convert.ToHexStringLower(rig.DevicePublicKey),
            ["recipientPrivateKeys"] = new JsonArray(rig.RecipientPrivateKeys.Select(k => (JsonNode)Convert.ToHexStringLower(k)).ToArray()),
            ["fileLength"] = file.Length,
            ["fileSha256"] = Convert.ToHexStringLower(SHA256.HashData(file)),
            ["headerHash"] = Convert.ToHexStringLower(r.Header.HeaderHash.Span),
            ["finalChainHash"] = Convert.ToHexStringLower(r.FinalChainHash.Span),
            ["status"] = r.Status.ToString(),
            ["segments"] = r.SegmentCount,
            ["bytesCut"] = r.BytesCut,
            ["markers"] = new JsonArray(r.Markers.Select(m => (JsonNode)m).ToArray()),
            ["frames"] = frames,
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string VectorDirectory()
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
