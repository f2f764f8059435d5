using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Bodycam.Cli;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Emulator.Tests.Cli;

/// <summary>The CLI's refusals and key file errors end with a line that says what to do, as age's "did you mean -i?".</summary>
public sealed class CliErrorHintTests : IDisposable
{
    private const string Record = "version: 1\nname: one\nsteps:\n  - advance: 3s\n  - press: double\n  - advance: 3s\n  - press: hold 3s\n  - dock\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bodycam-cli-hint-" + Guid.NewGuid().ToString("N"));
    private readonly string _keys;
    private readonly EmulatedDevice _device;
    private readonly string _tcp;
    private string _lastErr = string.Empty;

    public CliErrorHintTests()
    {
        _keys = Path.Combine(_folder, "keys");
        Directory.CreateDirectory(_keys);
        foreach ((KeyType type, string role) in new[] { (KeyType.Recipient, "recipient"), (KeyType.Authority, "authority") })
        {
            using KeyPair pair = KeyPair.Generate(type);
            PrivateKeyFile.Save(Path.Combine(_keys, "heerde-" + role + ".key"), pair, KeyRing.DefaultPassphrase, new ScryptParameters(10, 8, 1));
        }

        _device = new EmulatedDevice(new EmulatedDeviceOptions
        {
            Seed = 5,
            Keys = KeyRing.FromDirectory(_keys),
            Camera = new Bodycam.Emulator.Board.CameraSettings(Bodycam.Emulator.Board.CameraMode.Gop, 320, 240, 10, 200_000, 10),
        });
        _tcp = "127.0.0.1:" + _device.StartDockTcp(0);
    }

    private const string Dock = "version: 1\nname: dock\nsteps:\n  - advance: 3s\n  - dock\n";

    private string Authority => Path.Combine(_keys, "heerde.authority.key");

    [Fact]
    public async Task Reset_WithRecordingsLeft_SaysToOffloadFirst()
    {
        Steps(Record);

        int code = await Run(KeyRing.DefaultPassphrase, "device", "reset", "--tcp", _tcp, "--authority-key", Authority, "--yes");

        Assert.Equal(ExitCodes.DeviceRefused, code);
        Assert.Contains("NotEmpty (detail 1)", _lastErr, StringComparison.Ordinal);
        Assert.Contains("bodycam: hint: offload them first", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_OnAnEnrolledDevice_SaysHowToReEnrol()
    {
        Steps(Dock);
        string recipientPublic = Path.Combine(_folder, "recipient.pub");
        using (KeyPair recipient = KeyPair.Generate(KeyType.Recipient))
        {
            new PublicKeyFile(KeyType.Recipient, recipient.PublicKey).Save(recipientPublic);
        }

        int code = await Run(KeyRing.DefaultPassphrase, "device", "provision", "--tcp", _tcp, "--municipality", "heerde", "--authority-key", Authority, "--recipient", recipientPublic);

        Assert.Equal(ExitCodes.DeviceRefused, code);
        Assert.Contains("AlreadyProvisioned", _lastErr, StringComparison.Ordinal);
        Assert.Contains("bodycam device reset", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_WithAnotherMunicipalitysAuthority_SaysWhichKeyToUse()
    {
        Steps(Dock);
        string other = Path.Combine(_folder, "other.authority.key");
        using (KeyPair pair = KeyPair.Generate(KeyType.Authority))
        {
            PrivateKeyFile.Save(other, pair, KeyRing.DefaultPassphrase, new ScryptParameters(10, 8, 1));
        }

        int code = await Run(KeyRing.DefaultPassphrase, "audit", "--tcp", _tcp, "--authority-key", other);

        Assert.Equal(ExitCodes.DeviceRefused, code);
        Assert.Contains("AuthenticationFailed (detail 0)", _lastErr, StringComparison.Ordinal);
        Assert.Contains("'bodycam device info' shows it", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassphrase_NamesTheVariableToCheck()
    {
        Steps(Dock);
        int code = await Run("not the passphrase", "audit", "--tcp", _tcp, "--authority-key", Authority);

        Assert.Equal(ExitCodes.KeyError, code);
        Assert.Contains("bodycam: hint: check BODYCAM_PASSPHRASE", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipientKeyAsAuthorityKey_AsksWhetherTheFilesWereMixedUp()
    {
        Steps(Dock);
        int code = await Run(KeyRing.DefaultPassphrase, "audit", "--tcp", _tcp, "--authority-key", Path.Combine(_keys, "heerde.recipient.key"));

        Assert.Equal(ExitCodes.KeyError, code);
        Assert.Contains("WrongKeyType", _lastErr, StringComparison.Ordinal);
        Assert.Contains("did you mix up the files?", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicKeyAsAuthorityKey_AsksWhetherAPublicKeyWasGiven()
    {
        Steps(Dock);
        string publicKey = Path.Combine(_folder, "heerde.authority.pub");
        using (KeyPair pair = KeyPair.Generate(KeyType.Authority))
        {
            new PublicKeyFile(KeyType.Authority, pair.PublicKey).Save(publicKey);
        }

        int code = await Run(KeyRing.DefaultPassphrase, "audit", "--tcp", _tcp, "--authority-key", publicKey);

        Assert.Equal(ExitCodes.KeyError, code);
        Assert.Contains("did you give a public key (.pub)", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKeyFile_IsAUsageErrorNamingTheFile()
    {
        Steps(Dock);
        string missing = Path.Combine(_folder, "nowhere.authority.key");

        int code = await Run(KeyRing.DefaultPassphrase, "audit", "--tcp", _tcp, "--authority-key", missing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(missing, _lastErr, StringComparison.Ordinal);
        Assert.Contains("bodycam: hint: check the path", _lastErr, StringComparison.Ordinal);
    }

    private void Steps(string yaml)
    {
        ScenarioResult result = new ScenarioRunner(null).Run(ScenarioParser.Parse(yaml, "hint.yaml"), _device);
        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
    }

    public void Dispose()
    {
        _device.Dispose();
        Directory.Delete(_folder, true);
    }

    private async Task<int> Run(string passphrase, params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        Dictionary<string, string> environment = new() { ["BODYCAM_PASSPHRASE"] = passphrase };
        int code = await new CliApp(output, error, name => environment.GetValueOrDefault(name)).RunAsync(args);
        _lastErr = error.ToString();
        return code;
    }
}
