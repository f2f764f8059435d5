using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using Bodycam.Sdk.Offload;
using Xunit;

namespace Bodycam.Sdk.Tests.Offload;

public class ReaderRecordingVerifierTests
{
    [Fact]
    public void VerifyAsync_CompleteVector_IsVerified()
    {
        RecordingCheck check = Verify(Vector());

        Assert.True(check.Verified, check.Detail);
    }

    [Fact]
    public void VerifyAsync_FileCutInsideTheRecords_SaysTruncatedWithWholeRecordCount()
    {
        byte[] file = Vector();
        byte[] cut = file.AsSpan(0, file.Length - 100).ToArray();

        RecordingCheck check = Verify(cut);

        Assert.False(check.Verified);
        Assert.Contains("Truncated:", check.Detail, StringComparison.Ordinal);
        Assert.Contains("whole record(s)", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("offset -1", check.Detail, StringComparison.Ordinal);
    }

    private static RecordingCheck Verify(byte[] file)
    {
        string path = Path.Combine(Path.GetTempPath(), "bodycam-verifier-" + Guid.NewGuid().ToString("N") + ".bcr");
        File.WriteAllBytes(path, file);
        try
        {
            byte[] deviceKey = Convert.FromHexString((string)Json()["devicePublicKey"]!);
            return new ReaderRecordingVerifier().VerifyAsync(new[] { path }, deviceKey, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Vector() => File.ReadAllBytes(Path.Combine(VectorDirectory(), "complete.bin"));

    private static JsonNode Json() => JsonNode.Parse(File.ReadAllText(Path.Combine(VectorDirectory(), "complete.json")))!;

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
