using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bodycam.Cli;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Emulator.Tests.Cli;

/// <summary>
/// <c>bodycam export</c> and <c>verify</c> over every must-fail vector and a sweep of mutations of the published
/// vectors (byte flips, cuts, header fields set to all zero and all one bits): every run exits with a documented code,
/// prints no stack trace, and export, its report and verify give the same status.
/// </summary>
public sealed class ExportRobustnessTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";

    // Documented in docs/export.md, "Exit codes of bodycam verify and export".
    private static readonly int[] s_exportCodes =
    [
        ExitCodes.Success, ExitCodes.CheckFailed, ExitCodes.Usage, ExitCodes.RecordingUnreadable,
        ExitCodes.ExportWrongRecipientKey, ExitCodes.ExportBundleNotMade,
    ];

    private static readonly int[] s_verifyCodes = [ExitCodes.Success, ExitCodes.CheckFailed, ExitCodes.RecordingUnreadable];

    private readonly string _folder = Directory.CreateTempSubdirectory("bodycam-export-sweep-").FullName;
    private readonly Dictionary<string, string> _keyFiles = new(StringComparer.Ordinal);
    private string _lastOut = string.Empty;
    private string _lastErr = string.Empty;
    private int _bundles;

    [Fact]
    public async Task Export_EveryMustFailVector_ExitsWithADocumentedCodeAndAgreesWithVerify()
    {
        string mustFail = Path.Combine(VectorFolder(), "must-fail");
        string[] sidecars = Directory.GetFiles(mustFail, "*.json");
        Assert.NotEmpty(sidecars);
        foreach (string sidecar in sidecars)
        {
            JsonNode doc = JsonNode.Parse(File.ReadAllText(sidecar))!;
            string file = Path.Combine(mustFail, (string)doc["vector"]!);
            (int export, string exportError, int verify) = await ExportAndVerify(file, (string)doc["devicePublicKey"]!, (string)doc["recipientPrivateKey"]!);
            string expectedVerify = (string)doc["verify"]!["status"]!;
            if ((string)doc["decrypt"]!["status"]! == "WrongKey")
            {
                Assert.Equal(ExitCodes.ExportWrongRecipientKey, export);
                Assert.Contains("not sealed to the recipient key", exportError, StringComparison.Ordinal);
            }
            else
            {
                Assert.NotEqual(ExitCodes.Success, export);
            }

            Assert.Equal(expectedVerify == "Complete", verify == ExitCodes.Success);
        }
    }

    [Fact]
    public async Task Export_MutationsOfThePublishedVectors_NeverCrash()
    {
        int runs = 0;
        foreach (string name in new[] { "complete", "recovered" })
        {
            JsonNode doc = JsonNode.Parse(File.ReadAllText(Path.Combine(VectorFolder(), name + ".json")))!;
            string device = (string)doc["devicePublicKey"]!;
            string recipient = (string)doc["recipientPrivateKeys"]![0]!;
            byte[] original = File.ReadAllBytes(Path.Combine(VectorFolder(), name + ".bin"));
            foreach ((string label, byte[] bytes) in Mutations(original))
            {
                string path = Path.Combine(_folder, name + "-" + label + ".bcr");
                await File.WriteAllBytesAsync(path, bytes);
                await ExportAndVerify(path, device, recipient);
                File.Delete(path);
                runs++;
            }
        }

        Assert.True(runs >= 400, runs + " mutations");
    }

    [Fact]
    public async Task Export_BadArguments_ExitWithTheirCodes()
    {
        JsonNode complete = JsonNode.Parse(File.ReadAllText(Path.Combine(VectorFolder(), "complete.json")))!;
        JsonNode other = JsonNode.Parse(File.ReadAllText(Path.Combine(VectorFolder(), "multi-recipient.json")))!;
        string device = (string)complete["devicePublicKey"]!;
        string file = Path.Combine(VectorFolder(), "complete.bin");
        string key = KeyFile((string)complete["recipientPrivateKeys"]![0]!);

        // Another municipality's key.
        Assert.Equal(ExitCodes.ExportWrongRecipientKey, await Run("export", file, "--device-key", device, "--recipient-key", KeyFile((string)other["recipientPrivateKeys"]![0]!), "--out", Bundle()));
        Assert.Contains("complete.bin", _lastErr, StringComparison.Ordinal);

        // Into an existing folder: refused before anything is read, the folder untouched.
        string existing = Bundle();
        Directory.CreateDirectory(existing);
        Assert.Equal(ExitCodes.ExportBundleNotMade, await Run("export", file, "--device-key", device, "--recipient-key", key, "--out", existing));
        Assert.Empty(Directory.GetFileSystemEntries(existing));

        // The same file twice, a folder as a file, a missing file.
        Assert.Equal(ExitCodes.Usage, await Run("export", file, file, "--device-key", device, "--recipient-key", key, "--out", Bundle()));
        Assert.Equal(ExitCodes.RecordingUnreadable, await Run("export", _folder, "--device-key", device, "--recipient-key", key, "--out", Bundle()));
        Assert.Equal(ExitCodes.RecordingUnreadable, await Run("verify", Path.Combine(_folder, "none.bcr"), "--device-key", device));

        // A good export: owner-only files and folders, no staging folder left.
        string bundle = Bundle();
        Assert.Equal(ExitCodes.Success, await Run("export", file, "--device-key", device, "--recipient-key", key, "--out", bundle));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(bundle));
            foreach (string f in Directory.GetFiles(bundle, "*", SearchOption.AllDirectories))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
            }
        }

        Assert.DoesNotContain(Directory.GetDirectories(_folder), d => Path.GetFileName(d).StartsWith('.'));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, true);
    }

    private static IEnumerable<(string Label, byte[] Bytes)> Mutations(byte[] file)
    {
        for (int i = 0; i < file.Length; i += 13)
        {
            byte[] flipped = (byte[])file.Clone();
            flipped[i] ^= (byte)(1 << (i % 8));
            yield return ("flip-" + i, flipped);
        }

        for (int cut = 0; cut < file.Length; cut += 97)
        {
            yield return ("cut-" + cut, file[..cut]);
        }

        // Header fields after the device id (p = 61 + n) set to all zero and all one bits, one field at a time.
        int p = 61 + file[60];
        int[] fields = [0, 8, 16, 17, 19, 51, 52, 54, 56, 58, 62, 63, 64, 68, 72, 74, 82, 86];
        int[] sizes = [8, 8, 1, 2, 32, 1, 2, 2, 2, 4, 1, 1, 4, 4, 2, 8, 4, 1];
        for (int f = 0; f < fields.Length; f++)
        {
            foreach (byte fill in new byte[] { 0x00, 0xFF })
            {
                byte[] changed = (byte[])file.Clone();
                changed.AsSpan(p + fields[f], sizes[f]).Fill(fill);
                yield return ("field-" + fields[f] + "-" + fill, changed);
            }
        }
    }

    // Runs export and verify on one file: both exit with documented codes and no stack trace; when export made a
    // bundle, its report's status is export's status, and export's status is verify's.
    private async Task<(int Export, string ExportError, int Verify)> ExportAndVerify(string file, string device, string recipient)
    {
        string bundle = Bundle();
        int export = await Run("--json", "export", file, "--device-key", device, "--recipient-key", KeyFile(recipient), "--out", bundle);
        Assert.True(s_exportCodes.Contains(export), file + ": export exit " + export + ": " + _lastErr);
        string exportError = _lastErr;
        string exportStatus = string.Empty;
        if (export is ExitCodes.Success or ExitCodes.CheckFailed)
        {
            exportStatus = JsonNode.Parse(_lastOut)!["Verification"]!["Status"]!.GetValue<string>();
            string report = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle, "report.json")))!["status"]!.GetValue<string>();
            Assert.Equal(exportStatus, report);
            Directory.Delete(bundle, true);
        }
        else
        {
            Assert.False(Directory.Exists(bundle), file + ": export failed but left " + bundle);
        }

        int verify = await Run("--json", "verify", file, "--device-key", device);
        Assert.True(s_verifyCodes.Contains(verify), file + ": verify exit " + verify + ": " + _lastErr);
        if (export is ExitCodes.Success or ExitCodes.CheckFailed && verify != ExitCodes.RecordingUnreadable)
        {
            string verifyStatus = JsonNode.Parse(_lastOut)!["Status"]!.GetValue<string>();

            // Without a key a change to an unsigned tail cannot be seen (docs §6): only "truncated" may then read
            // "tampered" when decrypting. Every other status is the same.
            if (!(verifyStatus == "Truncated" && exportStatus == "Tampered"))
            {
                Assert.Equal(verifyStatus, exportStatus);
            }
        }

        return (export, exportError, verify);
    }

    private string Bundle() => Path.Combine(_folder, "bundle-" + _bundles++);

    private string KeyFile(string privateKeyHex)
    {
        if (!_keyFiles.TryGetValue(privateKeyHex, out string? path))
        {
            path = Path.Combine(_folder, "k" + _keyFiles.Count + ".recipient.key");
            using KeyPair pair = KeyPair.FromPrivateKey(KeyType.Recipient, Convert.FromHexString(privateKeyHex));
            PrivateKeyFile.Save(path, pair, Passphrase, new ScryptParameters(10, 8, 1));
            _keyFiles[privateKeyHex] = path;
        }

        return path;
    }

    private async Task<int> Run(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        int code = await new CliApp(output, error, name => name == "BODYCAM_PASSPHRASE" ? Passphrase : null).RunAsync(args);
        _lastOut = output.ToString();
        _lastErr = error.ToString();
        Assert.DoesNotContain("   at ", _lastOut + _lastErr, StringComparison.Ordinal);
        return code;
    }

    private static string VectorFolder()
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
