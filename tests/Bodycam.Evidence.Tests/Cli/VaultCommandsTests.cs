using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Bodycam.Cli;
using Bodycam.Cli.Vault;
using Bodycam.Evidence.Tests.Support;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Evidence.Tests.Cli;

/// <summary>The <c>bodycam vault</c> commands in-process: the README's walk without the dock, and the exit codes.</summary>
public class VaultCommandsTests
{
    private const string Passphrase = "a long test passphrase";

    [Fact]
    public void VaultCommands_IntakeHoldRequestApproveExportSweepVerify_RunWithTheDocumentedExitCodes()
    {
        using var rig = new VaultRig(Backend.Sqlite);
        rig.RecordHeerde();
        Directory.CreateDirectory(rig.Root);
        File.WriteAllText(Path.Combine(rig.Root, "roles.txt"), VaultRig.Roles);
        rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));
        string key = Path.Combine(rig.Folder, "heerde.recipient.key");
        using (KeyPair pair = KeyPair.FromPrivateKey(KeyType.Recipient, rig.RecipientPrivateKey))
        {
            PrivateKeyFile.Save(key, pair, Passphrase, new ScryptParameters(10, 8, 1));
        }

        Assert.Equal(ExitCodes.Success, Run(rig, out _, "vault", "intake", rig.Offload, "--actor", "bram"));
        Assert.Equal(ExitCodes.Success, Run(rig, out string list, "vault", "list", "--actor", "vera", "--json"));
        string id = JsonDocument.Parse(list).RootElement[0].GetProperty("RecordingId").GetString()!;
        Assert.Equal(VaultExitCodes.Refused, Run(rig, out _, "vault", "hold", "place", id, "--kind", "complaint", "--reference", "K-1", "--actor", "vera"));
        Assert.Equal(ExitCodes.Success, Run(rig, out string hold, "vault", "hold", "place", id, "--kind", "complaint", "--reference", "K-1", "--actor", "anna"));
        Assert.Equal(ExitCodes.Success, Run(rig, out string request, "vault", "request", "create", id, "--requester-role", "filmed-person", "--purpose", "complaint", "--reference", "K-1", "--actor", "vera"));
        string requestId = request.Split(' ')[1];
        string export = Path.Combine(rig.Folder, "export");
        Assert.Equal(VaultExitCodes.Refused, Run(rig, out _, "vault", "export", id, "--request", requestId, "--recipient-key", key, "--out", export, "--actor", "vera"));
        Assert.Equal(VaultExitCodes.Refused, Run(rig, out _, "vault", "request", "create", id, "--requester-role", "officer", "--purpose", "training", "--reference", "T", "--actor", "vera"));
        Assert.Equal(ExitCodes.Usage, Run(rig, out _, "vault", "request", "create", id, "--requester-role", "officer", "--purpose", "performance", "--reference", "T", "--actor", "vera"));
        Assert.Equal(ExitCodes.Success, Run(rig, out _, "vault", "request", "approve", requestId, "--note", "ok", "--actor", "anna"));
        Assert.Equal(ExitCodes.Success, Run(rig, out _, "vault", "export", id, "--request", requestId, "--recipient-key", key, "--out", export, "--actor", "vera"));
        Assert.True(File.Exists(Path.Combine(export, "chain-of-custody.json")));
        Assert.Equal(ExitCodes.Success, Run(rig, out string held, "vault", "sweep", "--now", "2027-01-01T00:00:00Z", "--actor", "anna"));
        Assert.Contains("0 deleted, 1 expired but held", held, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, Run(rig, out _, "vault", "hold", "release", hold.Split(' ')[1], "--reason", "closed", "--actor", "anna"));
        Assert.Equal(ExitCodes.Success, Run(rig, out string swept, "vault", "sweep", "--now", "2027-01-01T00:00:00Z", "--actor", "anna"));
        Assert.Contains("1 deleted", swept, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, Run(rig, out string deletions, "vault", "deletions", "--actor", "anna"));
        Assert.Contains(id, deletions, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, Run(rig, out string verify, "vault", "log", "verify", "--actor", "anna"));
        Assert.StartsWith("access log valid: 10 entries", verify, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, Run(rig, out _, "vault", "check", "--deep", "--actor", "bram"));
        Assert.Equal(ExitCodes.Usage, Run(rig, out _, "vault", "list"));
        Assert.Equal(VaultExitCodes.Refused, Run(rig, out _, "vault", "list", "--actor", "nobody"));
    }

    [Fact]
    public void VaultIntake_TamperedRecording_ExitsWithCheckFailed()
    {
        using var rig = new VaultRig(Backend.Sqlite);
        string file = rig.RecordHeerde()[0];
        byte[] bytes = File.ReadAllBytes(file);
        bytes[^200] ^= 0x40;
        File.WriteAllBytes(file, bytes);
        Directory.CreateDirectory(rig.Root);
        File.WriteAllText(Path.Combine(rig.Root, "roles.txt"), VaultRig.Roles);
        rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));

        int code = Run(rig, out string output, "vault", "intake", rig.Offload, "--actor", "bram");

        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Contains("Quarantined", output, StringComparison.Ordinal);
    }

    private static int Run(VaultRig rig, out string output, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["BODYCAM_PASSPHRASE"] = Passphrase, ["BODYCAM_VAULT"] = rig.Root };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, name => environment.TryGetValue(name, out string? v) ? v : null).RunAsync(args).GetAwaiter().GetResult();
        output = stdout.ToString() + stderr.ToString();
        return code;
    }
}
