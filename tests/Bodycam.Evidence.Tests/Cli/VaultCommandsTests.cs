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
        WriteRolesWithActorKeys(rig);
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
        Assert.Equal(VaultExitCodes.Refused, Run(rig, out _, "vault", "list", "--actor", "nobody", "--actor-key", ActorKeyPath(rig, "vera")));
    }

    [Fact]
    public void VaultCommands_WithoutTheActorsOwnKey_AreRefused()
    {
        using var rig = new VaultRig(Backend.Sqlite);
        Directory.CreateDirectory(rig.Root);
        WriteRolesWithActorKeys(rig);
        rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));

        int missing = Run(rig, out string missingText, "vault", "list", "--actor", "piet");
        int other = Run(rig, out string otherText, "vault", "list", "--actor", "anna", "--actor-key", ActorKeyPath(rig, "vera"));
        int wrongPassphrase = Run(rig, out _, "vault", "list", "--actor", "anna", "--actor-passphrase-env", "BODYCAM_PASSPHRASE_WRONG");
        int own = Run(rig, out _, "vault", "list", "--actor", "anna");

        Assert.Equal(ExitCodes.Usage, missing);
        Assert.Contains("--actor-key", missingText, StringComparison.Ordinal);
        Assert.Equal(VaultExitCodes.Refused, other);
        Assert.Contains("NotAuthenticated", otherText, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.KeyError, wrongPassphrase);
        Assert.Equal(ExitCodes.Success, own);
    }

    [Fact]
    public void VaultActorKeyNew_WritesAKeyThatAuthenticatesOnceItsLineIsInTheRolesFile()
    {
        using var rig = new VaultRig(Backend.Sqlite);
        Directory.CreateDirectory(rig.Root);
        rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));
        string keyFile = Path.Combine(rig.Folder, "new-anna.key");

        Assert.Equal(ExitCodes.Success, Run(rig, out string made, "vault", "actor-key", "new", "anna", "--out", keyFile, "--json"));
        string line = JsonDocument.Parse(made).RootElement.GetProperty("RolesLine").GetString()!;
        File.WriteAllText(Path.Combine(rig.Root, "roles.txt"), VaultRig.Roles);
        int before = Run(rig, out _, "vault", "list", "--actor", "anna", "--actor-key", keyFile);
        File.WriteAllText(Path.Combine(rig.Root, "roles.txt"), VaultRig.Roles + line + "\n");
        int after = Run(rig, out _, "vault", "list", "--actor", "anna", "--actor-key", keyFile);

        Assert.StartsWith("key anna ", line, StringComparison.Ordinal);
        Assert.Equal(VaultExitCodes.Refused, before);
        Assert.Equal(ExitCodes.Success, after);
    }

    [Fact]
    public void VaultView_WithAnOpenProgram_ShowsTheDecryptedCopyThenRemovesIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var rig = new VaultRig(Backend.Sqlite);
        rig.RecordHeerde();
        Directory.CreateDirectory(rig.Root);
        WriteRolesWithActorKeys(rig);
        rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));
        string key = Path.Combine(rig.Folder, "heerde.recipient.key");
        using (KeyPair pair = KeyPair.FromPrivateKey(KeyType.Recipient, rig.RecipientPrivateKey))
        {
            PrivateKeyFile.Save(key, pair, Passphrase, new ScryptParameters(10, 8, 1));
        }

        string listing = Path.Combine(rig.Folder, "listing.txt");
        string viewer = Path.Combine(rig.Folder, "viewer.sh");
        File.WriteAllText(viewer, "#!/bin/sh\nls \"$1\" > '" + listing + "'\necho \"$1\" >> '" + listing + "'\n");
        File.SetUnixFileMode(viewer, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(ExitCodes.Success, Run(rig, out _, "vault", "intake", rig.Offload, "--actor", "bram"));
        Assert.Equal(ExitCodes.Success, Run(rig, out string list, "vault", "list", "--actor", "vera", "--json"));
        string id = JsonDocument.Parse(list).RootElement[0].GetProperty("RecordingId").GetString()!;
        Assert.Equal(ExitCodes.Success, Run(rig, out string request, "vault", "request", "create", id, "--requester-role", "bystander", "--purpose", "inzage", "--reference", "AVG-1", "--actor", "vera"));
        string requestId = request.Split(' ')[1];
        Assert.Equal(VaultExitCodes.Refused, Run(rig, out _, "vault", "view", id, "--request", requestId, "--recipient-key", key, "--open", viewer, "--actor", "vera"));
        Assert.Equal(ExitCodes.Success, Run(rig, out _, "vault", "request", "approve", requestId, "--note", "ok", "--actor", "anna"));

        int code = Run(rig, out string output, "vault", "view", id, "--request", requestId, "--recipient-key", key, "--open", viewer, "--actor", "vera");

        Assert.Equal(ExitCodes.Success, code);
        string[] seen = File.ReadAllLines(listing);
        Assert.Contains("audio.wav", seen);
        Assert.Contains("report.json", seen);
        Assert.False(Directory.Exists(seen[^1]));
        Assert.Contains("audio.wav", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, Run(rig, out string log, "vault", "log", "show", "--actor", "anna"));
        Assert.Contains("view-closed", log, StringComparison.Ordinal);
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
        WriteRolesWithActorKeys(rig);
        rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));

        int code = Run(rig, out string output, "vault", "intake", rig.Offload, "--actor", "bram");

        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Contains("Quarantined", output, StringComparison.Ordinal);
    }

    [Fact]
    public void VaultIntakeMove_MovesFromTheVaultsFileSystemAndCopiesFromAnotherSayingSoOnce()
    {
        Assert.True(Directory.Exists("/dev/shm"), "this test needs /dev/shm (tmpfs) as a second file system");
        using var rig = new VaultRig(Backend.Sqlite);
        IReadOnlyList<string> here = rig.RecordHeerde();
        string elsewhere = Path.Combine("/dev/shm", "bodycam-move-" + Guid.NewGuid().ToString("N"));
        try
        {
            IReadOnlyList<string> there = rig.Heerde.Record(elsewhere, VaultRig.RecordedAt + TimeSpan.FromHours(1));
            rig.Heerde.Record(elsewhere, VaultRig.RecordedAt + TimeSpan.FromHours(2));
            Directory.CreateDirectory(rig.Root);
            WriteRolesWithActorKeys(rig);
            rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));

            int moved = Run(rig, out string movedText, "vault", "intake", rig.Offload, "--move", "--actor", "bram");
            int copied = Run(rig, out string copiedText, "vault", "intake", elsewhere, "--move", "--actor", "bram");

            Assert.Equal(ExitCodes.Success, moved);
            Assert.Contains("the source files moved into the vault", movedText, StringComparison.Ordinal);
            Assert.DoesNotContain("not on the vault's file system", movedText, StringComparison.Ordinal);
            Assert.False(File.Exists(here[0]));
            Assert.Equal(ExitCodes.Success, copied);
            Assert.Single(copiedText.Split('\n'), line => line.Contains("is not on the vault's file system, so intake copies", StringComparison.Ordinal));
            Assert.DoesNotContain("the source files moved into the vault", copiedText, StringComparison.Ordinal);
            Assert.True(File.Exists(there[0]));
            Assert.Equal(ExitCodes.Success, Run(rig, out string list, "vault", "list", "--actor", "vera", "--json"));
            Assert.Equal(3, JsonDocument.Parse(list).RootElement.GetArrayLength());
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    // Makes bram's, anna's and vera's own key files (cheap scrypt, for speed) and writes the roles file with their key lines.
    private static void WriteRolesWithActorKeys(VaultRig rig)
    {
        using KeyPair bram = VaultRig.ActorKey(1);
        using KeyPair anna = VaultRig.ActorKey(2);
        using KeyPair vera = VaultRig.ActorKey(3);
        foreach ((string name, KeyPair pair) in new[] { ("bram", bram), ("anna", anna), ("vera", vera) })
        {
            PrivateKeyFile.Save(ActorKeyPath(rig, name), pair, Passphrase, new ScryptParameters(10, 8, 1));
        }

        File.WriteAllText(Path.Combine(rig.Root, "roles.txt"), VaultRig.RolesWithKeys(("bram", bram), ("anna", anna), ("vera", vera)));
    }

    private static string ActorKeyPath(VaultRig rig, string actor) => Path.Combine(rig.Folder, actor + ".actor.key");

    // Runs bodycam in-process; an --actor without --actor-key gets that actor's own key file when the test made one.
    private static int Run(VaultRig rig, out string output, params string[] args)
    {
        int actorAt = Array.IndexOf(args, "--actor");
        if (actorAt >= 0 && actorAt + 1 < args.Length && !args.Contains("--actor-key") && File.Exists(ActorKeyPath(rig, args[actorAt + 1])))
        {
            args = [.. args, "--actor-key", ActorKeyPath(rig, args[actorAt + 1])];
        }

        var environment = new Dictionary<string, string> { ["BODYCAM_PASSPHRASE"] = Passphrase, ["BODYCAM_ACTOR_PASSPHRASE"] = Passphrase, ["BODYCAM_PASSPHRASE_WRONG"] = "not the passphrase", ["BODYCAM_VAULT"] = rig.Root };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, name => environment.TryGetValue(name, out string? v) ? v : null).RunAsync(args).GetAwaiter().GetResult();
        output = stdout.ToString() + stderr.ToString();
        return code;
    }
}
