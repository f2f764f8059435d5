using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Bodycam.Sdk.Recording;
using Bodycam.Sdk.Tests.Recording.Testkit;
using Xunit;

namespace Bodycam.Sdk.Tests.Recording;

/// <summary>
/// The must-fail vectors in tests/vectors/recording/must-fail/: the testkit regenerates them byte for byte from the
/// must-pass vectors, and the SDK reader reports exactly what each sidecar says. Set BODYCAM_REGENERATE_VECTORS=1 to
/// rewrite them deliberately (after a reviewed format change).
/// </summary>
public class MustFailVectorTests
{
    public static TheoryData<string> StoredVectors()
    {
        var data = new TheoryData<string>();
        foreach (string sidecar in Directory.GetFiles(MustFailFolder(), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(sidecar));
        }

        return data;
    }

    [Fact]
    public void Generate_FromThePassingVectors_MatchesTheStoredFilesAndSidecars()
    {
        List<MustFailVector> vectors = MustFailVectors.Generate(RecordingFolder());
        string folder = MustFailFolder();
        if (Environment.GetEnvironmentVariable("BODYCAM_REGENERATE_VECTORS") == "1")
        {
            foreach (string old in Directory.GetFiles(folder, "*.bin").Concat(Directory.GetFiles(folder, "*.json")))
            {
                File.Delete(old);
            }

            foreach (MustFailVector v in vectors)
            {
                File.WriteAllBytes(Path.Combine(folder, v.Name + ".bin"), v.File);
                File.WriteAllText(Path.Combine(folder, v.Name + ".json"), MustFailVectors.Sidecar(v));
            }
        }

        Assert.Equal(vectors.Select(v => v.Name + ".json").Order(StringComparer.Ordinal), Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (MustFailVector v in vectors)
        {
            Assert.Equal(Convert.ToHexString(v.File), Convert.ToHexString(File.ReadAllBytes(Path.Combine(folder, v.Name + ".bin"))));
            Assert.Equal(MustFailVectors.Sidecar(v), File.ReadAllText(Path.Combine(folder, v.Name + ".json")));
        }
    }

    [Fact]
    public void Testkit_EveryTamperClass_HasAVectorThatFails()
    {
        List<MustFailVector> vectors = MustFailVectors.Generate(RecordingFolder());

        foreach (string tamper in MustFailVectors.TamperClasses)
        {
            Assert.Contains(vectors, v => v.TamperClass == tamper);
        }

        Assert.All(vectors, v => Assert.True(Fails(v.Verify) || Fails(v.Decrypt), v.Name + " expects no failure"));
        Assert.Contains(vectors, v => v.TamperClass == "truncated-at-record-boundary" && v.File.Length == RecordingLayout.Of(File.ReadAllBytes(Path.Combine(RecordingFolder(), "complete.bin"))).HeaderLength);
    }

    [Theory]
    [MemberData(nameof(StoredVectors))]
    public void Verify_StoredVector_ReportsWhatTheSidecarSays(string name)
    {
        (byte[] file, JsonNode sidecar) = Load(name);
        byte[] device = Convert.FromHexString((string)sidecar["devicePublicKey"]!);

        VectorExpectation actual = Outcome(() => new RecordingReader(file).Verify(device));

        Assert.Equal(MustFailVectors.Expectation(sidecar["verify"]!), actual);
    }

    [Theory]
    [MemberData(nameof(StoredVectors))]
    public void Decrypt_StoredVector_ReportsWhatTheSidecarSays(string name)
    {
        (byte[] file, JsonNode sidecar) = Load(name);
        byte[] device = Convert.FromHexString((string)sidecar["devicePublicKey"]!);
        byte[] recipient = Convert.FromHexString((string)sidecar["recipientPrivateKey"]!);

        VectorExpectation actual = Outcome(() => new RecordingReader(file).Decrypt(device, recipient));

        Assert.Equal(MustFailVectors.Expectation(sidecar["decrypt"]!), actual);
        Assert.NotEqual("Complete", actual.Status);
        Assert.NotEqual("ClosedByRecovery", actual.Status);
    }

    private static bool Fails(VectorExpectation e) => e.Status is not ("Complete" or "ClosedByRecovery");

    // The reader's answer in the sidecar's terms: a header that does not parse is "Rejected", no stanza for the key
    // is "WrongKey"; otherwise the result's status, error and place (and, when truncated, the whole segments kept).
    private static VectorExpectation Outcome(Func<RecordingResult> read)
    {
        try
        {
            RecordingResult r = read();
            return new VectorExpectation(
                r.Status.ToString(),
                r.Error?.ToString(),
                r.FailedRecordIndex,
                r.FailedOffset,
                r.Status == RecordingStatus.Truncated ? r.SegmentCount : -1);
        }
        catch (RecordingFormatException e)
        {
            return VectorExpectation.Rejected(e.Error.ToString(), e.Offset);
        }
        catch (WrongKeyException)
        {
            return VectorExpectation.WrongKey();
        }
    }

    private static (byte[] File, JsonNode Sidecar) Load(string name)
    {
        string folder = MustFailFolder();
        return (File.ReadAllBytes(Path.Combine(folder, name + ".bin")), JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")))!);
    }

    private static string MustFailFolder() => Path.Combine(RecordingFolder(), MustFailVectors.Folder);

    private static string RecordingFolder()
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
