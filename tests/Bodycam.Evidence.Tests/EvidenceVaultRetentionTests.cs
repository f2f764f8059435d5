using System;
using System.Linq;
using Bodycam.Evidence.Tests.Support;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class EvidenceVaultRetentionTests
{
    private static readonly DateTimeOffset Expiry = VaultRig.RecordedAt + TimeSpan.FromDays(28);

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Sweep_OneMillisecondBeforeExpiry_KeepsTheRecording(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);
        VaultActor anna = vault.Actor("anna");

        SweepResult result = vault.Sweep(anna, Expiry - TimeSpan.FromMilliseconds(1));

        Assert.Empty(result.Deleted);
        Assert.Empty(vault.List(anna, Expiry - TimeSpan.FromMilliseconds(1), ListFilter.Expired));
        Assert.Equal(id, vault.Show(anna, id).RecordingId);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Sweep_AtExpiry_DeletesTheObjectAndKeepsADeletionRecord(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);
        VaultActor anna = vault.Actor("anna");
        string sha = vault.Show(anna, id).Files[0].Sha256;
        Assert.Single(vault.List(anna, Expiry, ListFilter.Expired));

        SweepResult result = vault.Sweep(anna, Expiry);

        DeletionRecord record = Assert.Single(result.Deleted);
        Assert.Equal(id, record.RecordingId);
        Assert.Equal(Expiry, record.DeletedAt);
        Assert.Contains("retention of 28 days expired", record.Reason, StringComparison.Ordinal);
        Assert.False(vault.Store.Exists(sha));
        Assert.Equal(VaultError.NotFound, Assert.Throws<VaultException>(() => vault.Show(anna, id)).Error);
        Assert.Equal(record.Sha256, Assert.Single(vault.Deletions(anna)).Sha256);
        Assert.Single(vault.ReadLog(anna), e => e.Action == "deleted" && e.RecordingId == id);
        Assert.True(vault.Check(anna).Clean);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Sweep_HoldInForce_KeepsTheRecordingLongPastTheBoundary(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);
        VaultActor anna = vault.Actor("anna");
        vault.PlaceHold(anna, id, HoldKind.ProsecutorDemand, "OM 2026/123");
        DateTimeOffset muchLater = Expiry + TimeSpan.FromDays(400);

        SweepResult result = vault.Sweep(anna, muchLater);

        Assert.Empty(result.Deleted);
        Assert.Equal(1, result.KeptUnderHold);
        Assert.True(vault.Store.Exists(vault.Show(anna, id).Files[0].Sha256));
        Assert.Single(vault.List(anna, muchLater, ListFilter.Held));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Sweep_AfterTheLastHoldIsReleased_DeletesTheExpiredRecording(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);
        VaultActor anna = vault.Actor("anna");
        Hold first = vault.PlaceHold(anna, id, HoldKind.Aangifte, "PL0600-2026-1");
        Hold second = vault.PlaceHold(anna, id, HoldKind.Complaint, "K-17");
        vault.ReleaseHold(anna, first.HoldId, "aangifte withdrawn");

        SweepResult stillHeld = vault.Sweep(anna, Expiry + TimeSpan.FromDays(1));
        vault.ReleaseHold(anna, second.HoldId, "complaint closed");
        SweepResult released = vault.Sweep(anna, Expiry + TimeSpan.FromDays(1));

        Assert.Empty(stillHeld.Deleted);
        Assert.Equal(id, Assert.Single(released.Deleted).RecordingId);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void ReleaseHold_Twice_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);
        VaultActor anna = vault.Actor("anna");
        Hold hold = vault.PlaceHold(anna, id, HoldKind.DamagesClaim, "claim 4");
        vault.ReleaseHold(anna, hold.HoldId, "settled");

        VaultException e = Assert.Throws<VaultException>(() => vault.ReleaseHold(anna, hold.HoldId, "again"));

        Assert.Equal(VaultError.HoldReleased, e.Error);
        Assert.Equal(0, vault.Show(anna, id).Holds.Count(h => h.InForce));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Sweep_UsesEachMunicipalitysOwnPeriod(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.Hattem.Record(rig.Offload, VaultRig.RecordedAt);
        EvidenceVault vault = rig.Open();
        VaultActor hans = vault.Actor("hans");
        string id = Assert.Single(vault.IntakeFolder(hans, rig.Offload)).RecordingId!;

        SweepResult at28 = vault.Sweep(hans, Expiry);
        SweepResult at60 = vault.Sweep(hans, VaultRig.RecordedAt + TimeSpan.FromDays(60));

        Assert.Empty(at28.Deleted);
        Assert.Equal(id, Assert.Single(at60.Deleted).RecordingId);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Sweep_BySomeoneOfAnotherMunicipality_LeavesHeerdeAlone(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);

        SweepResult result = vault.Sweep(vault.Actor("hans"), Expiry + TimeSpan.FromDays(100));

        Assert.Empty(result.Deleted);
        Assert.Equal(id, vault.Show(vault.Actor("anna"), id).RecordingId);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_OfARecordingDestroyedByRetention_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);
        vault.Sweep(vault.Actor("anna"), Expiry);

        IntakeResult again = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), rig.Offload));

        Assert.Equal(IntakeOutcome.Refused, again.Outcome);
        Assert.Contains("destroyed by retention", again.Detail, StringComparison.Ordinal);
        Assert.Equal(0, vault.Check(vault.Actor("bram")).Objects);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void PlaceHold_WithoutReference_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = StoreOne(rig);

        VaultException e = Assert.Throws<VaultException>(() => vault.PlaceHold(vault.Actor("anna"), id, HoldKind.Aangifte, " "));

        Assert.Equal(VaultError.InvalidArgument, e.Error);
        Assert.Empty(vault.Show(vault.Actor("anna"), id).Holds);
    }

    internal static (EvidenceVault Vault, string Id) StoreOne(VaultRig rig)
    {
        rig.RecordHeerde();
        EvidenceVault vault = rig.Open();
        IntakeResult result = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), rig.Offload));
        Assert.Equal(IntakeOutcome.Stored, result.Outcome);
        return (vault, result.RecordingId!);
    }
}
