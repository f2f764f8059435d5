using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Bodycam.Cli;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Emulator.Tests.Cli;

/// <summary>
/// Every bad input of docs/reliability.md's "Bad input: bodycam" list: one line naming the file or field, the
/// documented exit code, and never a stack trace ("   at " frames).
/// </summary>
public sealed class CliBadInputTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private static readonly ScryptParameters s_fast = new(10, 8, 1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bodycam-cli-bad-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment = new() { ["BODYCAM_PASSPHRASE"] = Passphrase };
    private string _lastOut = string.Empty;
    private string _lastErr = string.Empty;

    public CliBadInputTests()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(Dir);
        using KeyPair authority = KeyPair.Generate(KeyType.Authority);
        PrivateKeyFile.Save(Path.Combine(_folder, "heerde.authority.key"), authority, Passphrase, s_fast);
        new PublicKeyFile(KeyType.Authority, authority.PublicKey).Save(Path.Combine(_folder, "heerde.authority.pub"));
        using KeyPair recipient = KeyPair.Generate(KeyType.Recipient);
        PrivateKeyFile.Save(Path.Combine(_folder, "heerde.recipient.key"), recipient, Passphrase, s_fast);
        new PublicKeyFile(KeyType.Recipient, recipient.PublicKey).Save(Path.Combine(_folder, "heerde.recipient.pub"));
        using KeyPair dock = KeyPair.Generate(KeyType.Dock);
        PrivateKeyFile.Save(Path.Combine(_folder, "dock1.dock.key"), dock, Passphrase, s_fast);
        new PublicKeyFile(KeyType.Dock, dock.PublicKey).Save(Path.Combine(_folder, "dock1.dock.pub"));
    }

    private string Dir => Path.Combine(_folder, "a-folder");

    private string Authority => Path.Combine(_folder, "heerde.authority.key");

    [Fact]
    public async Task Verify_AFolderForARecording_IsAUsageErrorNamingIt()
    {
        await Expect(ExitCodes.Usage, Dir + " is a folder", "verify", Dir, "--device-key", new string('0', 64));
    }

    [Fact]
    public async Task Audit_AFolderForTheCertificate_IsAUsageErrorNamingTheOption()
    {
        await Expect(ExitCodes.Usage, "--certificate: " + Dir + " is a folder", "audit", "--tcp", "127.0.0.1:1", "--dock-key", Path.Combine(_folder, "dock1.dock.key"), "--certificate", Dir);
    }

    [Fact]
    public async Task Offload_AFolderForTheAuthorityKey_IsAUsageErrorNamingTheOption()
    {
        await Expect(ExitCodes.Usage, "--authority-key: " + Dir + " is a folder", "offload", Path.Combine(_folder, "copies"), "--tcp", "127.0.0.1:1", "--authority-key", Dir);
    }

    [Fact]
    public async Task Configure_AFolderForTheDocument_IsAUsageError()
    {
        await Expect(ExitCodes.Usage, Dir + " is a folder", "device", "configure", Dir, "--authority-key", Authority, "--tcp", "127.0.0.1:1");
    }

    [Fact]
    public async Task CertifyDock_OutInAMissingFolder_IsAUsageErrorNamingTheFolder()
    {
        string missing = Path.Combine(_folder, "no-such-folder");
        await Expect(ExitCodes.Usage, "the folder " + missing + " does not exist", "keys", "certify-dock", "--authority-key", Authority, "--dock-public", Path.Combine(_folder, "dock1.dock.pub"), "--municipality", "heerde", "--not-after", "2030-01-01T00:00:00Z", "--out", Path.Combine(missing, "dock1.cert"));
    }

    [Fact]
    public async Task CertifyDock_OutIsAFolder_IsAUsageError()
    {
        await Expect(ExitCodes.Usage, "--out: " + Dir + " is a folder", "keys", "certify-dock", "--authority-key", Authority, "--dock-public", Path.Combine(_folder, "dock1.dock.pub"), "--municipality", "heerde", "--not-after", "2030-01-01T00:00:00Z", "--out", Dir);
    }

    [Fact]
    public async Task KeysNew_OutIsAFile_IsAUsageError()
    {
        string file = Path.Combine(_folder, "heerde.authority.pub");
        await Expect(ExitCodes.Usage, "--out: " + file + " is a file", "keys", "new", "--out", file, "--municipality", "oldebroek");
    }

    [Fact]
    public async Task KeysNew_OutBelowAFile_IsAUsageErrorNamingThePath()
    {
        string below = Path.Combine(_folder, "heerde.authority.pub", "keys");
        await Expect(ExitCodes.Usage, "no such folder", "keys", "new", "--out", below, "--municipality", "oldebroek");
        Assert.Contains(below, _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysNew_MunicipalityWithAPath_IsRefusedAndWritesNothing()
    {
        string keys = Path.Combine(_folder, "k", "l");
        await Expect(ExitCodes.Usage, "--municipality names the key files", "keys", "new", "--out", keys, "--municipality", "../../escaped");
        Assert.False(File.Exists(Path.Combine(_folder, "escaped.recipient.key")));
        Assert.False(Directory.Exists(keys));
    }

    [Fact]
    public async Task KeysNewDock_NameStartingWithADot_IsRefused()
    {
        await Expect(ExitCodes.Usage, "--name names the key files", "keys", "new-dock", "--out", _folder, "--name", "..");
    }

    [Fact]
    public async Task KeysNew_ShortPassphrase_IsAUsageErrorNamingTheVariable()
    {
        _environment["BODYCAM_PASSPHRASE"] = "short";
        await Expect(ExitCodes.Usage, "at least 8 characters (from BODYCAM_PASSPHRASE", "keys", "new", "--out", Path.Combine(_folder, "new"), "--municipality", "hattem");
    }

    [Fact]
    public async Task KeysNewDock_KeyFileNameTakenByAFolder_IsAFileError()
    {
        string taken = Path.Combine(_folder, "dock2.dock.key");
        Directory.CreateDirectory(taken);
        await Expect(ExitCodes.FileError, "bodycam: file error: ", "keys", "new-dock", "--out", _folder, "--name", "dock2");
        Assert.Contains(taken, _lastErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("86400")]
    public async Task Timeout_OutOfRange_IsAUsageError(string seconds)
    {
        await Expect(ExitCodes.Usage, "--timeout is seconds", "--timeout", seconds, "device", "info", "--tcp", "127.0.0.1:1");
    }

    [Fact]
    public async Task Serial_MissingPort_SaysNoSuchPortNotAccessDenied()
    {
        string port = Path.Combine(_folder, "ttyACM9");
        await Expect(ExitCodes.LinkFailed, "no serial port " + port, "device", "info", "--serial", port);
        Assert.DoesNotContain("denied", _lastErr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Provision_RecipientPrivateKeyForThePublicKey_IsAKeyFileError()
    {
        await Expect(ExitCodes.KeyError, "key file error", "device", "provision", "--tcp", "127.0.0.1:1", "--municipality", "heerde", "--authority-key", Authority, "--recipient", Path.Combine(_folder, "heerde.recipient.key"));
    }

    [Fact]
    public async Task Provision_AuthorityKeyForTheRecipient_IsAUsageErrorNamingTheFile()
    {
        string pub = Path.Combine(_folder, "heerde.authority.pub");
        await Expect(ExitCodes.Usage, pub + " is not a recipient public key", "device", "provision", "--tcp", "127.0.0.1:1", "--municipality", "heerde", "--authority-key", Authority, "--recipient", pub);
    }

    [Fact]
    public async Task Provision_RecipientKeyForTheAuthorityKey_IsAKeyFileError()
    {
        await Expect(ExitCodes.KeyError, "WrongKeyType", "device", "provision", "--tcp", "127.0.0.1:1", "--municipality", "heerde", "--authority-key", Path.Combine(_folder, "heerde.recipient.key"), "--recipient", Path.Combine(_folder, "heerde.recipient.pub"));
    }

    [Fact]
    public async Task UnexpectedException_IsOneLineAskingForAReport_WithExitCode70()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var app = new CliApp(output, error, name => name == "BODYCAM_PASSPHRASE" ? throw new InvalidOperationException("the environment broke") : null);

        int code = await app.RunAsync(["keys", "new", "--out", Path.Combine(_folder, "x"), "--municipality", "hattem"]);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("internal error (InvalidOperationException): the environment broke", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Please report", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(CliApp.StackTraceVariable + "=1", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task UnexpectedException_WithTheStackTraceVariable_PrintsTheTrace()
    {
        var error = new StringWriter();
        var app = new CliApp(new StringWriter(), error, name => name switch
        {
            "BODYCAM_PASSPHRASE" => throw new InvalidOperationException("the environment broke"),
            CliApp.StackTraceVariable => "1",
            _ => null,
        });

        int code = await app.RunAsync(["keys", "new", "--out", Path.Combine(_folder, "x"), "--municipality", "hattem"]);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("   at ", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, true);
    }

    private async Task Expect(int code, string message, params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        int exit = await new CliApp(output, error, name => _environment.GetValueOrDefault(name)).RunAsync(args);
        _lastOut = output.ToString();
        _lastErr = error.ToString();
        Assert.True(code == exit, "exit " + exit + ", expected " + code + ": " + _lastErr);
        Assert.Contains(message, _lastErr, StringComparison.Ordinal);
        Assert.StartsWith("bodycam: ", _lastErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _lastErr + _lastOut, StringComparison.Ordinal);
    }
}
