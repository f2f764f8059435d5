using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bodycam.Cli;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Emulator.Tests.Cli;

/// <summary>
/// <c>offload --vault</c> against the emulated device: the files the offload wrote move into the vault when the
/// destination is on the vault's file system, and are copied (and stay) with one notice when it is not.
/// </summary>
public sealed class CliOffloadVaultTests : IDisposable
{
    private const string Record = "version: 1\nname: one\nsteps:\n  - advance: 3s\n  - press: double\n  - advance: 3s\n  - press: hold 3s\n  - dock\n";
    private const string ActorPassphrase = "a long actor passphrase";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bodycam-cli-offload-vault-" + Guid.NewGuid().ToString("N"));
    private readonly string _keys;
    private readonly string _vault;
    private readonly EmulatedDevice _device;
    private readonly string _tcp;
    private string _lastOut = string.Empty;
    private string _lastErr = string.Empty;

    public CliOffloadVaultTests()
    {
        _keys = Path.Combine(_folder, "keys");
        _vault = Path.Combine(_folder, "vault");
        Directory.CreateDirectory(_keys);
        Directory.CreateDirectory(_vault);
        foreach ((KeyType type, string role) in new[] { (KeyType.Recipient, "recipient"), (KeyType.Authority, "authority") })
        {
            using KeyPair pair = KeyPair.Generate(type);
            PrivateKeyFile.Save(Path.Combine(_keys, "heerde-" + role + ".key"), pair, KeyRing.DefaultPassphrase, new ScryptParameters(10, 8, 1));
        }

        byte[] actor = new byte[32];
        Array.Fill(actor, (byte)7);
        using (KeyPair bram = KeyPair.FromPrivateKey(KeyType.Actor, actor))
        {
            PrivateKeyFile.Save(Path.Combine(_keys, "bram.actor.key"), bram, ActorPassphrase, new ScryptParameters(10, 8, 1));
            File.WriteAllText(Path.Combine(_vault, "roles.txt"), "bodycam-vault-roles 1\nmunicipality heerde\nactor bram heerde intake-operator\nkey bram " + Convert.ToHexStringLower(bram.PublicKey) + "\n");
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
    public async Task OffloadVault_DestinationOnTheVaultsFileSystem_MovesTheOffloadedFilesInAndConfirms()
    {
        Steps(Record);
        Assert.Equal(0, await Run("device", "register", "--tcp", _tcp, "--authority-key", Authority, "--registry", Path.Combine(_vault, "devices.txt")));
        string destination = Path.Combine(_folder, "out");

        int code = await Offload(destination);

        Assert.True(code == 0, _lastOut + _lastErr);
        Assert.Equal(0, _device.ReadRecordings().Count);
        Assert.Empty(Directory.GetFiles(destination, "*.bcr", SearchOption.AllDirectories));
        Assert.Single(Directory.GetFiles(Path.Combine(_vault, "objects"), "*", SearchOption.AllDirectories));
        Assert.DoesNotContain("not on the vault's file system", _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffloadVault_DestinationOnAnotherFileSystem_CopiesKeepsTheFilesAndSaysSoOnce()
    {
        Assert.True(Directory.Exists("/dev/shm"), "this test needs /dev/shm (tmpfs) as a second file system");
        Steps(Record);
        Assert.Equal(0, await Run("device", "register", "--tcp", _tcp, "--authority-key", Authority, "--registry", Path.Combine(_vault, "devices.txt")));
        string destination = Path.Combine("/dev/shm", "bodycam-offload-" + Guid.NewGuid().ToString("N"));
        try
        {
            int code = await Offload(destination);

            Assert.True(code == 0, _lastOut + _lastErr);
            Assert.Equal(0, _device.ReadRecordings().Count);
            string kept = Assert.Single(Directory.GetFiles(destination, "*.bcr", SearchOption.AllDirectories));
            string stored = Assert.Single(Directory.GetFiles(Path.Combine(_vault, "objects"), "*", SearchOption.AllDirectories));
            Assert.Equal(File.ReadAllBytes(kept), File.ReadAllBytes(stored));
            Assert.Single(_lastErr.Split('\n'), line => line.Contains("is not on the vault's file system, so intake copies", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(destination))
            {
                Directory.Delete(destination, recursive: true);
            }
        }
    }

    public void Dispose()
    {
        _device.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private Task<int> Offload(string destination) =>
        Run("offload", destination, "--tcp", _tcp, "--authority-key", Authority, "--vault", _vault, "--actor", "bram", "--actor-key", Path.Combine(_keys, "bram.actor.key"));

    private void Steps(string yaml)
    {
        ScenarioResult result = new ScenarioRunner(null).Run(ScenarioParser.Parse(yaml, "cli.yaml"), _device);
        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
    }

    private async Task<int> Run(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        Dictionary<string, string> environment = new() { ["BODYCAM_PASSPHRASE"] = KeyRing.DefaultPassphrase, ["BODYCAM_ACTOR_PASSPHRASE"] = ActorPassphrase };
        int code = await new CliApp(output, error, name => environment.GetValueOrDefault(name)).RunAsync(args);
        _lastOut = output.ToString();
        _lastErr = error.ToString();
        return code;
    }
}
