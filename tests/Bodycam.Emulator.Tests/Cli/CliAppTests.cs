using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Bodycam.Cli;
using Bodycam.Emulator.Tests.Dock;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Emulator.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bodycam-cli-" + Guid.NewGuid().ToString("N"));
    private readonly EmulatedDockDevice _device = new(seed: 11, deviceId: "bc-0002");
    private string _lastOut = string.Empty;
    private string _lastErr = string.Empty;

    private string Registry => Path.Combine(_folder, "devices.txt");

    public CliAppTests()
    {
        Directory.CreateDirectory(_folder);
    }

    [Fact]
    public async Task Cli_KeysProvisionOffloadVerifyExportAuditClock_WorkAgainstEmulatedDevice()
    {
        _device.StartTcp();
        string tcp = "127.0.0.1:" + _device.TcpPort;
        string keys = Path.Combine(_folder, "keys");
        string authority = Path.Combine(keys, "oldebroek.authority.key");

        Assert.Equal(0, await Run("keys", "new", "--out", keys, "--municipality", "oldebroek"));
        Assert.Equal(0, await Run("device", "provision", "--tcp", tcp, "--municipality", "oldebroek", "--authority-key", authority, "--recipient", Path.Combine(keys, "oldebroek.recipient.pub")));
        Assert.Equal(0, await Run("device", "info", "--tcp", tcp, "--json"));
        using JsonDocument info = JsonDocument.Parse(_lastOut);
        Assert.Equal("oldebroek", info.RootElement.GetProperty("MunicipalityId").GetString());
        Assert.False(info.RootElement.TryGetProperty("DevicePublicKey", out _));
        Assert.False(info.RootElement.TryGetProperty("BatteryPercent", out _));
        Assert.False(info.RootElement.TryGetProperty("StorageUsedBytes", out _));

        // Provisioning wrote the device registry; the key there is the one the device proves.
        Bodycam.Sdk.Devices.DeviceRegistryEntry entry = Assert.Single(Bodycam.Sdk.Devices.DeviceRegistry.Load(Registry).Entries);
        Assert.Equal("bc-0002", entry.DeviceId);
        Assert.Equal(_device.SecureElement.DevicePublicKey, entry.PublicKey.ToArray());
        string deviceKey = entry.PublicKeyHex;

        Assert.Equal(0, await Run("clock", "sync", "--tcp", tcp, "--authority-key", authority));
        Assert.True(_device.Rtc.IsSet);
        _device.Record(2, 3000, 1);
        _device.Record(1, 2000, 2);

        string dest = Path.Combine(_folder, "offload");
        Assert.Equal(0, await Run("offload", dest, "--tcp", tcp, "--authority-key", authority, "--json"));
        Assert.DoesNotContain(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
        string[] copies = Directory.GetFiles(Path.Combine(dest, "bc-0002"), "*.bcr");
        Assert.Equal(2, copies.Length);

        Assert.Equal(0, await Run("verify", copies[0], "--device-key", deviceKey));
        string bundle = Path.Combine(_folder, "bundle");
        Assert.Equal(0, await Run("export", copies[0], "--recipient-key", Path.Combine(keys, "oldebroek.recipient.key"), "--out", bundle));
        Assert.True(File.Exists(Path.Combine(bundle, "SHA256SUMS")));

        Assert.Equal(0, await Run("audit", "--tcp", tcp, "--authority-key", authority, "--format", "csv"));
        string[] lines = _lastOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,format,event,utc,since_recording_start_ms,subject,key_kind,key_fingerprint", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Provisioned,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",ClockSet,", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains(",Deleted,", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains(",2,Deleted,,,", StringComparison.Ordinal)));

        // Offloaded names the key that confirmed (the authority key here) by its fingerprint; Deleted names no key.
        string fingerprint = Bodycam.Sdk.Audit.AuditKey.FingerprintOf(PublicKeyFile.Load(Path.Combine(keys, "oldebroek.authority.pub")).Key.Span);
        string[] offloaded = lines.Where(l => l.Contains(",Offloaded,", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, offloaded.Length);
        Assert.All(offloaded, l => Assert.EndsWith(".bcr;key=authority:" + fingerprint + ",Authority," + fingerprint, l, StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.Contains(",Deleted,", StringComparison.Ordinal)), l => Assert.EndsWith(".bcr,,", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",ClockSet,", StringComparison.Ordinal) && l.EndsWith(",Authority," + fingerprint, StringComparison.Ordinal));

        Assert.Equal(0, await Run("audit", "--tcp", tcp, "--authority-key", authority, "--format", "json"));
        using (JsonDocument audit = JsonDocument.Parse(_lastOut))
        {
            JsonElement[] records = audit.RootElement.GetProperty("Records").EnumerateArray().ToArray();
            JsonElement[] confirmed = records.Where(r => r.GetProperty("Event").GetString() == "Offloaded").ToArray();
            Assert.Equal(2, confirmed.Length);
            Assert.All(confirmed, r => Assert.Equal("Authority", r.GetProperty("KeyKind").GetString()));
            Assert.All(confirmed, r => Assert.Equal(fingerprint, r.GetProperty("KeyFingerprint").GetString()));
            Assert.All(records.Where(r => r.GetProperty("Event").GetString() == "Deleted"), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("KeyKind").ValueKind));
        }

        // Text: a time only where it is evidence, never the device's time since power-on.
        Assert.Equal(0, await Run("audit", "--tcp", tcp, "--authority-key", authority));
        Assert.Contains("+2.000 s into recording", _lastOut, StringComparison.Ordinal);
        Assert.Contains("+1.000 s into recording", _lastOut, StringComparison.Ordinal);
        Assert.Equal(2, _lastOut.Split('\n').Count(l => l.Contains("Offloaded", StringComparison.Ordinal) && l.TrimEnd().EndsWith(".bcr  (key: authority " + fingerprint + ")", StringComparison.Ordinal)));
        Assert.DoesNotContain("boot", _lastOut, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("monotonic", _lastOut, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Verify_TamperedCopy_ExitsCheckFailed()
    {
        using KeyPair recipient = KeyPair.Generate(KeyType.Recipient);
        using KeyPair authority = KeyPair.Generate(KeyType.Authority);
        _device.Enrol("hattem", authority.PublicKey, recipient.PublicKey);
        _device.Record(1, 2000, 3);
        string name = _device.Storage.List().Single(n => n.EndsWith(".bcr", StringComparison.Ordinal));
        byte[] copy = _device.Storage.ReadAllBytes(name);
        copy[copy.Length / 2] ^= 0x40;
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, copy);

        int code = await Run("verify", path, "--device-key", Convert.ToHexStringLower(_device.SecureElement.DevicePublicKey));

        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Contains("NOT verified", _lastOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_UnknownOption_ExitsUsage()
    {
        Assert.Equal(ExitCodes.Usage, await Run("device", "info", "--bogus"));
    }

    [Fact]
    public async Task Command_NoConnectionOption_ExitsUsage()
    {
        Assert.Equal(ExitCodes.Usage, await Run("device", "info"));
        Assert.Contains("--tcp", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_NothingListening_ExitsLinkFailed()
    {
        Assert.Equal(ExitCodes.LinkFailed, await Run("device", "info", "--tcp", "127.0.0.1:1"));
    }

    [Fact]
    public async Task Offload_WrongAuthorityKey_ExitsDeviceRefused()
    {
        using KeyPair recipient = KeyPair.Generate(KeyType.Recipient);
        using KeyPair authority = KeyPair.Generate(KeyType.Authority);
        _device.Enrol("hattem", authority.PublicKey, recipient.PublicKey);
        _device.Record(1, 1000, 4);
        _device.StartTcp();
        Assert.Equal(0, await Run("keys", "new", "--out", _folder, "--municipality", "heerde"));
        Bodycam.Sdk.Devices.DeviceRegistry.Empty().Add(new Bodycam.Sdk.Devices.DeviceRegistryEntry("bc-0002", "hattem", _device.SecureElement.DevicePublicKey)).Save(Registry);

        int code = await Run("offload", Path.Combine(_folder, "out"), "--tcp", "127.0.0.1:" + _device.TcpPort, "--authority-key", Path.Combine(_folder, "heerde.authority.key"));

        Assert.Equal(ExitCodes.DeviceRefused, code);
        Assert.Contains(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offload_DestinationIsAFile_ExitsUsageWithOneLineNamingIt()
    {
        _device.StartTcp();
        string tcp = "127.0.0.1:" + _device.TcpPort;
        Assert.Equal(0, await Run("keys", "new", "--out", _folder, "--municipality", "heerde"));
        string authority = Path.Combine(_folder, "heerde.authority.key");
        Assert.Equal(0, await Run("device", "provision", "--tcp", tcp, "--municipality", "heerde", "--authority-key", authority, "--recipient", Path.Combine(_folder, "heerde.recipient.pub")));
        _device.Record(1, 1000, 4);
        string file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "x");

        int code = await Run("offload", file, "--tcp", tcp, "--authority-key", authority);

        Assert.Equal(ExitCodes.Usage, code);
        string line = Assert.Single(_lastErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("DestinationNotAFolder", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_EveryCommand_HasDescription()
    {
        foreach (string[] command in new[] { new[] { "keys", "new" }, ["device", "info"], ["device", "provision"], ["offload"], ["verify"], ["export"], ["audit"], ["clock", "sync"] })
        {
            Assert.Equal(0, await Run([.. command, "--help"]));
            Assert.Contains("Description:", _lastOut, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        _device.Dispose();
        Directory.Delete(_folder, true);
    }

    private async Task<int> Run(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        Dictionary<string, string> environment = new() { ["BODYCAM_PASSPHRASE"] = Passphrase, ["BODYCAM_REGISTRY"] = Registry };
        int code = await new CliApp(output, error, name => environment.GetValueOrDefault(name)).RunAsync(args);
        _lastOut = output.ToString();
        _lastErr = error.ToString();
        return code;
    }
}
