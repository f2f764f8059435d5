using System;
using Bodycam.Evidence.Tests.Support;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class EvidenceVaultLogTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public void VerifyLog_UntouchedLog_IsValidAndChained(Backend backend)
    {
        using var rig = new VaultRig(backend);
        EvidenceVault vault = FiveEntries(rig, out _);

        LogVerification result = vault.VerifyLog(vault.Actor("anna"));

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(5, result.Entries);
        var log = vault.ReadLog(vault.Actor("anna"));
        Assert.Equal(AccessLogEntryGenesis, log[0].PreviousHash);
        for (int i = 1; i < log.Count; i++)
        {
            Assert.Equal(log[i - 1].EntryHash, log[i].PreviousHash);
        }

        Assert.Equal(log[^1].EntryHash, result.HeadHash);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void UpdateOrDelete_OnTheAccessLog_IsRefusedByTheDatabase(Backend backend)
    {
        using var rig = new VaultRig(backend);
        FiveEntries(rig, out _);

        Assert.ThrowsAny<Exception>(() => rig.Execute("UPDATE access_log SET detail = 'x' WHERE seq = 3"));
        Assert.ThrowsAny<Exception>(() => rig.Execute("DELETE FROM access_log WHERE seq = 5"));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void VerifyLog_EntryChangedByADatabaseAdministrator_IsDetectedAtThatEntry(Backend backend)
    {
        using var rig = new VaultRig(backend);
        EvidenceVault vault = FiveEntries(rig, out _);
        DropTrigger(rig);
        rig.Execute("UPDATE access_log SET detail = 'nothing to see' WHERE municipality = 'heerde' AND seq = 3");

        LogVerification result = vault.VerifyLog(vault.Actor("anna"));

        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("entry 3 was changed", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void VerifyLog_EntryRemovedFromTheMiddle_IsDetectedAtThatEntry(Backend backend)
    {
        using var rig = new VaultRig(backend);
        EvidenceVault vault = FiveEntries(rig, out _);
        DropTrigger(rig);
        rig.Execute("DELETE FROM access_log WHERE municipality = 'heerde' AND seq = 2");

        LogVerification result = vault.VerifyLog(vault.Actor("anna"));

        Assert.False(result.Valid);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void VerifyLog_LastEntriesCut_IsDetectedByTheHead(Backend backend)
    {
        using var rig = new VaultRig(backend);
        EvidenceVault vault = FiveEntries(rig, out _);
        DropTrigger(rig);
        rig.Execute("DELETE FROM access_log WHERE municipality = 'heerde' AND seq >= 4");

        LogVerification result = vault.VerifyLog(vault.Actor("anna"));

        Assert.False(result.Valid);
        Assert.Equal(4, result.FirstBadSequence);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void VerifyLog_ByAViewer_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        EvidenceVault vault = FiveEntries(rig, out _);

        Assert.Equal(VaultError.RoleMissing, Assert.Throws<VaultException>(() => vault.VerifyLog(vault.Actor("vera"))).Error);
    }

    private const string AccessLogEntryGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

    // intake, hold-placed, request-made, request-approved, hold-released: five entries in Heerde's log.
    private static EvidenceVault FiveEntries(VaultRig rig, out string id)
    {
        (EvidenceVault vault, string stored) = EvidenceVaultRetentionTests.StoreOne(rig);
        id = stored;
        VaultActor anna = vault.Actor("anna");
        Hold hold = vault.PlaceHold(anna, id, HoldKind.Aangifte, "PL-9");
        AccessRequest request = vault.CreateRequest(vault.Actor("vera"), id, RequesterRole.FilmedPerson, RequestPurpose.Aangifte, "PL-9");
        vault.Decide(anna, request.RequestId, approve: true, "ok");
        vault.ReleaseHold(anna, hold.HoldId, "done");
        return vault;
    }

    private static void DropTrigger(VaultRig rig)
    {
        if (rig.Backend == Backend.Postgres)
        {
            rig.Execute("DROP TRIGGER access_log_no_change ON access_log");
        }
        else
        {
            rig.Execute("DROP TRIGGER access_log_no_update");
            rig.Execute("DROP TRIGGER access_log_no_delete");
        }
    }
}
