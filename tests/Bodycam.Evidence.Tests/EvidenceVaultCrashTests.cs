using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Evidence.Tests.Support;
using Xunit;

namespace Bodycam.Evidence.Tests;

/// <summary>
/// A crash at every step of intake and sweep, as the device's power-cut sweeps do: the fault hook throws at the n-th
/// time a step is reached (n = 1, 2, ... until the run no longer reaches it), the crashed vault is abandoned, and
/// the next start must leave nothing that 'vault check' reports, lose nothing committed, and never delete a held
/// recording.
/// </summary>
public class EvidenceVaultCrashTests
{
    [Theory]
    [SqliteData(VaultStep.IntakeJournaled, VaultStep.IntakeTemporaryWritten, VaultStep.IntakeObjectStored, VaultStep.IntakeCommitted)]
    [PostgresData(VaultStep.IntakeJournaled, VaultStep.IntakeTemporaryWritten, VaultStep.IntakeObjectStored, VaultStep.IntakeCommitted)]
    public void Intake_KilledAtEachOccurrenceOfAStep_NextStartLeavesACleanVault(Backend backend, VaultStep step)
    {
        for (int occurrence = 1; ; occurrence++)
        {
            using var rig = new VaultRig(backend);

            // Two recordings, the second in three files: every step is reached several times.
            rig.RecordHeerde();
            IReadOnlyList<string> continued = rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1), milliseconds: 20_000, fileMaxBytes: 16 * 1024);
            Assert.True(continued.Count >= 3);
            int fileCount = 1 + continued.Count;
            var crash = new CrashAt(step, occurrence);
            EvidenceVault crashed = rig.Open(crash.Hook);
            try
            {
                crashed.IntakeFolder(crashed.Actor("bram"), rig.Offload);
            }
            catch (SimulatedCrashException)
            {
            }

            if (!crash.Fired)
            {
                Assert.True(occurrence > 1, $"{step} was never reached");
                return;
            }

            if (step is VaultStep.IntakeTemporaryWritten or VaultStep.IntakeObjectStored)
            {
                rig.Clock.Advance(TimeSpan.FromHours(1));
                Assert.Contains(crashed.Check(crashed.Actor("bram")).Findings, f => f.Kind == CheckFindingKind.InterruptedIntake);
            }
            else
            {
                rig.Clock.Advance(TimeSpan.FromHours(1));
            }

            EvidenceVault restarted = rig.Open();
            VaultActor bram = restarted.Actor("bram");
            CheckReport afterStart = restarted.Check(bram, deep: true);
            Assert.True(afterStart.Findings.Count == 0, $"{step} #{occurrence}: " + string.Join("; ", afterStart.Findings));

            IReadOnlyList<IntakeResult> again = restarted.IntakeFolder(bram, rig.Offload);
            Assert.All(again, r => Assert.Contains(r.Outcome, new[] { IntakeOutcome.Stored, IntakeOutcome.AlreadyStored }));
            CheckReport afterRetry = restarted.Check(bram, deep: true);
            Assert.Empty(afterRetry.Findings);
            Assert.Equal(fileCount, afterRetry.Objects);
            Assert.Equal(2, restarted.List(bram, rig.Clock.Now).Count);
            Assert.Equal(2, restarted.ReadLog(restarted.Actor("anna")).Count(e => e.Action == "intake"));
            Assert.True(restarted.VerifyLog(restarted.Actor("anna")).Valid);
        }
    }

    [Theory]
    [SqliteData(VaultStep.SweepMarked, VaultStep.SweepObjectDeleted, VaultStep.SweepCompleted)]
    [PostgresData(VaultStep.SweepMarked, VaultStep.SweepObjectDeleted, VaultStep.SweepCompleted)]
    public void Sweep_KilledAtEachOccurrenceOfAStep_NeverDeletesAHeldRecordingAndNextStartFinishes(Backend backend, VaultStep step)
    {
        for (int occurrence = 1; ; occurrence++)
        {
            using var rig = new VaultRig(backend);
            rig.RecordHeerde();
            rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromMinutes(10), milliseconds: 20_000, fileMaxBytes: 16 * 1024);
            rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromMinutes(20));
            rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromDays(20));
            EvidenceVault setup = rig.Open();
            string[] ids = setup.IntakeFolder(setup.Actor("bram"), rig.Offload).Select(r => r.RecordingId!).ToArray();
            VaultActor anna = setup.Actor("anna");
            string[] byTime = setup.List(anna, rig.Clock.Now).Select(r => r.RecordingId).ToArray();
            string held = byTime[2];
            string young = byTime[3];
            setup.PlaceHold(anna, held, HoldKind.ProsecutorDemand, "OM-1");
            string[] heldObjects = setup.Show(anna, held).Files.Select(f => f.Sha256).ToArray();
            DateTimeOffset sweepAt = VaultRig.RecordedAt + TimeSpan.FromDays(30);

            var crash = new CrashAt(step, occurrence);
            EvidenceVault crashed = rig.Open(crash.Hook);
            try
            {
                crashed.Sweep(crashed.Actor("anna"), sweepAt);
            }
            catch (SimulatedCrashException)
            {
            }

            if (!crash.Fired)
            {
                Assert.True(occurrence > 1, $"{step} was never reached");
                return;
            }

            Assert.All(heldObjects, sha => Assert.True(crashed.Store.Exists(sha)));
            EvidenceVault restarted = rig.Open();
            anna = restarted.Actor("anna");
            Assert.Empty(restarted.Check(anna, deep: true).Findings);
            Assert.All(heldObjects, sha => Assert.True(restarted.Store.Exists(sha)));

            SweepResult rest = restarted.Sweep(anna, sweepAt);
            Assert.Equal(1, rest.KeptUnderHold);
            Assert.Equal([held, young], restarted.List(anna, sweepAt).Select(r => r.RecordingId).ToArray());
            IReadOnlyList<DeletionRecord> deletions = restarted.Deletions(anna);
            Assert.Equal(byTime.Take(2).Order(StringComparer.Ordinal), deletions.Select(d => d.RecordingId).Order(StringComparer.Ordinal));
            Assert.Empty(restarted.Check(anna, deep: true).Findings);
            Assert.Equal(2, restarted.ReadLog(anna).Count(e => e.Action == "deleted"));
            Assert.True(restarted.VerifyLog(anna).Valid);
            Assert.Contains(held, ids);
        }
    }

    private sealed class CrashAt(VaultStep step, int occurrence)
    {
        private int _seen;

        public bool Fired { get; private set; }

        public void Hook(VaultStep reached)
        {
            if (reached == step && ++_seen == occurrence)
            {
                Fired = true;
                throw new SimulatedCrashException(reached);
            }
        }
    }
}
