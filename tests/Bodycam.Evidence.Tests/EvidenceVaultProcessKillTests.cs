using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Bodycam.Evidence.Tests.Support;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Evidence.Tests;

/// <summary>
/// A real kill: 'bodycam vault intake' runs in its own process over many recordings and is killed (SIGKILL, no
/// cleanup of any kind) once it has stored some objects; the next start must leave a clean vault and a second
/// intake must store everything. With --move, every file must be at its source path or stored with metadata after
/// the restart, and the second intake leaves the source folder empty.
/// </summary>
public class EvidenceVaultProcessKillTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(6, false)]
    [InlineData(1, true)]
    [InlineData(6, true)]
    public void IntakeProcess_KilledMidway_NextStartLeavesACleanVault(int objectsBeforeKill, bool move)
    {
        using var rig = new VaultRig(Backend.Sqlite);
        for (int i = 0; i < 24; i++)
        {
            rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromMinutes(i), milliseconds: 8000);
        }

        Directory.CreateDirectory(rig.Root);
        string actorKey = Path.Combine(rig.Folder, "bram.actor.key");
        using (KeyPair bramKey = VaultRig.ActorKey(1))
        {
            PrivateKeyFile.Save(actorKey, bramKey, "a long test passphrase", new ScryptParameters(10, 8, 1));
            File.WriteAllText(Path.Combine(rig.Root, "roles.txt"), VaultRig.RolesWithKeys(("bram", bramKey)));
        }

        rig.Registry.Save(Path.Combine(rig.Root, "devices.txt"));
        var before = EvidenceVaultMoveIntakeTests.Snapshot(rig.Offload);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["BODYCAM_ACTOR_PASSPHRASE"] = "a long test passphrase";
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "bodycam.dll"), "vault", "intake", rig.Offload, "--vault", rig.Root, "--actor", "bram", "--actor-key", actorKey }.Concat(move ? ["--move"] : Array.Empty<string>()))
        {
            start.ArgumentList.Add(arg);
        }

        string objects = Path.Combine(rig.Root, "objects");
        using (Process process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var watch = Stopwatch.StartNew();
            while (!process.HasExited && CountFiles(objects) < objectsBeforeKill && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(1);
            }

            Assert.False(process.HasExited, "the intake finished before it could be killed; give it more recordings");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // The killed intake ran on the real clock; the restart comes after the grace period.
        rig.Clock.Now = DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
        EvidenceVault restarted = rig.Open();
        VaultActor bram = restarted.Actor("bram");
        CheckReport afterStart = restarted.Check(bram, deep: true);
        Assert.True(afterStart.Findings.Count == 0, string.Join("; ", afterStart.Findings));
        foreach ((string path, byte[] bytes) in before)
        {
            string sha = EvidenceVaultMoveIntakeTests.Sha(bytes);
            bool atSource = File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
            bool stored = restarted.Store.Exists(sha);
            Assert.True(atSource || stored, $"{path} is neither at its source nor stored");
            Assert.True(move || atSource, $"a copying intake removed {path}");
        }

        var again = restarted.IntakeFolder(bram, rig.Offload, move ? IntakeMode.Move : IntakeMode.Copy);
        Assert.All(again, r => Assert.Contains(r.Outcome, new[] { IntakeOutcome.Stored, IntakeOutcome.AlreadyStored }));
        Assert.Contains(again, r => r.Outcome == IntakeOutcome.Stored);
        CheckReport afterRetry = restarted.Check(bram, deep: true);
        Assert.Empty(afterRetry.Findings);
        Assert.Equal(24, afterRetry.Recordings);
        Assert.Equal(move ? 0 : before.Count, EvidenceVaultMoveIntakeTests.Snapshot(rig.Offload).Count);
        Assert.Equal(24, restarted.ReadLog(restarted.Actor("anna")).Count(e => e.Action == "intake"));
        Assert.True(restarted.VerifyLog(restarted.Actor("anna")).Valid);
    }

    private static int CountFiles(string folder) => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
}
