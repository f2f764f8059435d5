using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bodycam.Cli;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Audit;
using Xunit;

namespace Bodycam.Emulator.Tests.Cli;

/// <summary>The CLI's dock-key, configure and reset commands against the emulated device as composed for real.</summary>
public sealed class CliDeviceCommandsTests : IDisposable
{
    private const string Record = "version: 1\nname: one\nsteps:\n  - advance: 3s\n  - press: double\n  - advance: 3s\n  - press: hold 3s\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bodycam-cli-device-" + Guid.NewGuid().ToString("N"));
    private readonly string _keys;
    private readonly EmulatedDevice _device;
    private readonly string _tcp;
    private string _lastOut = string.Empty;
    private string _lastErr = string.Empty;

    public CliDeviceCommandsTests()
    {
        _keys = Path.Combine(_folder, "keys");

        // Cheap key derivation for the tests' key files (the emulator loads them; the CLI opens them per command).
        Directory.CreateDirectory(_keys);
        foreach ((Bodycam.Sdk.Keys.KeyType type, string role) in new[] { (Bodycam.Sdk.Keys.KeyType.Recipient, "recipient"), (Bodycam.Sdk.Keys.KeyType.Authority, "authority") })
        {
            using Bodycam.Sdk.Keys.KeyPair pair = Bodycam.Sdk.Keys.KeyPair.Generate(type);
            Bodycam.Sdk.Keys.PrivateKeyFile.Save(Path.Combine(_keys, "heerde-" + role + ".key"), pair, KeyRing.DefaultPassphrase, new Bodycam.Sdk.Keys.ScryptParameters(10, 8, 1));
        }

        _device = new EmulatedDevice(new EmulatedDeviceOptions
        {
            Seed = 3,
            Keys = KeyRing.FromDirectory(_keys),
            Camera = new Bodycam.Emulator.Board.CameraSettings(Bodycam.Emulator.Board.CameraMode.Gop, 320, 240, 10, 200_000, 10),
        });
        _tcp = "127.0.0.1:" + _device.StartDockTcp(0);
    }

    private string Authority => Path.Combine(_keys, "heerde.authority.key");

    [Fact]
    public async Task Offload_WithCertifiedDockKey_CopiesAndConfirms()
    {
        Steps(Record + "  - dock\n");
        Assert.Equal(0, await Run("keys", "new-dock", "--out", _folder, "--name", "dock-1"));
        Assert.Equal(0, await Run("keys", "certify-dock", "--authority-key", Authority, "--dock-public", Path.Combine(_folder, "dock-1.dock.pub"), "--municipality", "heerde", "--not-after", "2030-01-01T00:00:00Z", "--out", Path.Combine(_folder, "dock-1.cert")));
        string certified = _lastOut;

        Assert.Equal(0, await Run("device", "register", "--tcp", _tcp, "--authority-key", Authority));

        int code = await Run("offload", Path.Combine(_folder, "out"), "--tcp", _tcp, "--dock-key", Path.Combine(_folder, "dock-1.dock.key"), "--certificate", Path.Combine(_folder, "dock-1.cert"));

        Assert.True(code == 0, _lastOut + _lastErr);
        Assert.Equal(0, _device.ReadRecordings().Count);
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "out", "HEE-01"), "*.bcr"));

        // The audit trail names the dock key that confirmed, by its fingerprint, not the authority key.
        Assert.Equal(0, await Run("audit", "--tcp", _tcp, "--dock-key", Path.Combine(_folder, "dock-1.dock.key"), "--certificate", Path.Combine(_folder, "dock-1.cert"), "--format", "csv"));
        string fingerprint = AuditKey.FingerprintOf(Bodycam.Sdk.Keys.PublicKeyFile.Load(Path.Combine(_folder, "dock-1.dock.pub")).Key.Span);
        string offloaded = Assert.Single(_lastOut.Split('\n'), l => l.Contains(",Offloaded,", StringComparison.Ordinal)).TrimEnd();
        Assert.EndsWith(".bcr;key=dock:" + fingerprint + ",Dock," + fingerprint, offloaded, StringComparison.Ordinal);
        Assert.Contains("(audit fingerprint " + fingerprint + ")", certified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offload_DeviceNotInRegistry_ExitsUsageAndDeletesNothing()
    {
        Steps(Record + "  - dock\n");

        int code = await Run("offload", Path.Combine(_folder, "out"), "--tcp", _tcp, "--authority-key", Authority);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("No device registry at " + Path.Combine(_folder, "devices.txt"), _lastErr, StringComparison.Ordinal);
        Assert.Equal(1, _device.ReadRecordings().Count);
    }

    [Fact]
    public async Task Offload_RegistryListsAnotherKey_RefusesTheImpostorAndDeletesNothing()
    {
        Steps(Record + "  - dock\n");
        byte[] otherKey = new byte[32];
        new Random(5).NextBytes(otherKey);
        Bodycam.Sdk.Devices.DeviceRegistry.Empty().Add(new Bodycam.Sdk.Devices.DeviceRegistryEntry("HEE-01", "heerde", otherKey)).Save(Path.Combine(_folder, "devices.txt"));

        int code = await Run("offload", Path.Combine(_folder, "out"), "--tcp", _tcp, "--authority-key", Authority);

        Assert.Equal(ExitCodes.LinkFailed, code);
        Assert.Contains("DeviceNotAuthentic", _lastErr, StringComparison.Ordinal);
        Assert.Equal(1, _device.ReadRecordings().Count);
    }

    [Fact]
    public async Task Status_Authenticated_ShowsTheProvenKeyAndBattery_InfoDoesNot()
    {
        Steps("version: 1\nname: dock\nsteps:\n  - dock\n");
        Assert.Equal(0, await Run("device", "register", "--tcp", _tcp, "--authority-key", Authority));

        Assert.Equal(0, await Run("device", "status", "--tcp", _tcp, "--authority-key", Authority, "--json"));
        string status = _lastOut;
        Assert.Equal(0, await Run("device", "info", "--tcp", _tcp, "--json"));

        Assert.Contains(Convert.ToHexStringLower(_device.SecureElement.DevicePublicKey), status, StringComparison.Ordinal);
        Assert.Contains("matches the registry", status, StringComparison.Ordinal);
        Assert.Contains("BatteryPercent", status, StringComparison.Ordinal);
        Assert.DoesNotContain("BatteryPercent", _lastOut, StringComparison.Ordinal);
        Assert.DoesNotContain("DevicePublicKey", _lastOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_AfterConfigure_ReadsTheStoredDocumentBack()
    {
        Steps("version: 1\nname: dock\nsteps:\n  - dock\n");
        string document = Write("config.txt", "version=1\nstop-hold-ms=2000\n");
        Assert.Equal(0, await Run("device", "configure", document, "--tcp", _tcp, "--authority-key", Authority, "--sequence", "4"));

        int code = await Run("device", "configuration", "--tcp", _tcp, "--authority-key", Authority);

        Assert.True(code == 0, _lastOut + _lastErr);
        Assert.Contains("# sequence 4", _lastOut, StringComparison.Ordinal);
        Assert.Contains("stop-hold-ms=2000", _lastOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offload_DockKeyWithoutCertificate_ExitsUsage()
    {
        Assert.Equal(0, await Run("keys", "new-dock", "--out", _folder, "--name", "dock-1"));

        int code = await Run("offload", Path.Combine(_folder, "out"), "--tcp", _tcp, "--dock-key", Path.Combine(_folder, "dock-1.dock.key"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--certificate", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_Docked_IsAuditedStoredAndInForceAfterAPowerCycle()
    {
        Steps("version: 1\nname: dock\nsteps:\n  - dock\n");
        string document = Write("config.txt", "version=1\r\n# shorter pre-record\r\npre-record-window-ms=10000\r\nreminder-interval-ms=60000\r\n");

        int code = await Run("device", "configure", document, "--tcp", _tcp, "--authority-key", Authority, "--sequence", "7");
        _device.PowerCut();
        _device.PowerOn();

        Assert.True(code == 0, _lastOut + _lastErr);
        Assert.Equal(7, _device.ConfigurationStore!.AppliedSequence);
        Assert.Equal(10000, _device.Core!.Configuration.PreRecordWindowMilliseconds);
        Assert.Equal(60000, _device.Core.Configuration.ReminderIntervalMilliseconds);
        AuditReport audit = _device.ReadAudit();
        Assert.True(audit.Valid, audit.Detail);
        Assert.Contains("configuration-changed", audit.Events);
    }

    [Fact]
    public async Task Configure_InvalidDocument_NamesTheKeyAndPushesNothing()
    {
        Steps("version: 1\nname: dock\nsteps:\n  - dock\n");
        string document = Write("config.txt", "version=1\npre-record-window-ms=500000\n");

        int code = await Run("device", "configure", document, "--tcp", _tcp, "--authority-key", Authority);

        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Contains("pre-record-window-ms = 500000 is outside 0..120000", _lastErr, StringComparison.Ordinal);
        Assert.DoesNotContain(_device.Storage.List(), n => n.StartsWith("configuration.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configure_StaleSequence_IsRefusedByTheDevice()
    {
        Steps("version: 1\nname: dock\nsteps:\n  - dock\n");
        string document = Write("config.txt", "version=1\nstop-hold-ms=2000\n");
        Assert.Equal(0, await Run("device", "configure", document, "--tcp", _tcp, "--authority-key", Authority, "--sequence", "9"));

        int code = await Run("device", "configure", document, "--tcp", _tcp, "--authority-key", Authority, "--sequence", "9");

        Assert.Equal(ExitCodes.DeviceRefused, code);
        Assert.Contains("StaleConfiguration", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_WithRecordingsOnTheDevice_IsRefused_ThenAfterOffloadResets()
    {
        Steps(Record + "  - dock\n");

        int refused = await Run("device", "reset", "--tcp", _tcp, "--authority-key", Authority, "--yes");
        Assert.Equal(0, await Run("device", "register", "--tcp", _tcp, "--authority-key", Authority));
        Assert.Equal(0, await Run("offload", Path.Combine(_folder, "out"), "--tcp", _tcp, "--authority-key", Authority));
        int reset = await Run("device", "reset", "--tcp", _tcp, "--authority-key", Authority, "--yes");

        Assert.Equal(ExitCodes.DeviceRefused, refused);
        Assert.Equal(0, reset);
        Assert.Equal(Bodycam.Firmware.Provisioning.ProvisioningState.Reset, _device.Provisioning!.State);
        Assert.Contains("provisioning-reset", _device.ReadAudit().Events);
    }

    [Fact]
    public async Task Reset_WithoutYes_ExitsUsage()
    {
        Assert.Equal(ExitCodes.Usage, await Run("device", "reset", "--tcp", _tcp, "--authority-key", Authority));
        Assert.True(_device.Provisioning!.IsProvisioned);
    }

    [Fact]
    public async Task Help_NewCommands_HaveDescriptions()
    {
        foreach (string[] command in new[] { new[] { "keys", "new-dock" }, ["keys", "certify-dock"], ["device", "configure"], ["device", "reset"] })
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

    private void Steps(string yaml)
    {
        ScenarioResult result = new ScenarioRunner(null).Run(ScenarioParser.Parse(yaml, "cli.yaml"), _device);
        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<int> Run(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        Dictionary<string, string> environment = new() { ["BODYCAM_PASSPHRASE"] = KeyRing.DefaultPassphrase, ["BODYCAM_REGISTRY"] = Path.Combine(_folder, "devices.txt") };
        int code = await new CliApp(output, error, name => environment.GetValueOrDefault(name)).RunAsync(args);
        _lastOut = output.ToString();
        _lastErr = error.ToString();
        return code;
    }
}
