using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Bodycam.Evidence.Tests.Support;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class EvidenceVaultIntakeTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_VerifiedRecording_StoresTheOriginalUnchangedWithItsMetadata(Backend backend)
    {
        using var rig = new VaultRig(backend);
        IReadOnlyList<string> files = rig.RecordHeerde();
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");

        IntakeResult result = Assert.Single(vault.IntakeFolder(bram, rig.Offload));

        Assert.Equal(IntakeOutcome.Stored, result.Outcome);
        RecordingDetails d = vault.Show(bram, result.RecordingId!);
        Assert.Equal("heerde", d.MunicipalityId);
        Assert.Equal("HEE-01", d.DeviceId);
        Assert.Equal(VaultRig.RecordedAt, d.RecordedAt);
        Assert.True(d.ClockSynchronised);
        Assert.Equal(3000, d.DurationMilliseconds);
        Assert.Equal("Complete", d.Status);
        Assert.Equal("bram", d.IntakeActor);
        StoredFile stored = Assert.Single(d.Files);
        byte[] original = File.ReadAllBytes(files[0]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), stored.Sha256);
        Assert.Equal(original, File.ReadAllBytes(vault.Store.PathOf(stored.Sha256)));
        Assert.Equal(IntakeProcessorManifest(stored.Sha256, stored.FileName), d.Sha256);
        Assert.True(vault.Check(bram, deep: true).Clean);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_SameFolderTwice_StoresOnceAndLogsOnce(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.RecordHeerde();
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");

        vault.IntakeFolder(bram, rig.Offload);
        IntakeResult again = Assert.Single(vault.IntakeFolder(bram, rig.Offload));

        Assert.Equal(IntakeOutcome.AlreadyStored, again.Outcome);
        Assert.Single(vault.List(bram, rig.Clock.Now));
        Assert.Single(vault.ReadLog(vault.Actor("anna")), e => e.Action == "intake");
        Assert.Equal(1, vault.Check(bram).Objects);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_ContinuationFiles_AreStoredAsOneRecording(Backend backend)
    {
        using var rig = new VaultRig(backend);
        IReadOnlyList<string> files = rig.RecordHeerde(milliseconds: 20_000, fileMaxBytes: 16 * 1024);
        Assert.True(files.Count > 1, "the recording should need continuation files");
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");

        IntakeResult result = Assert.Single(vault.IntakeFolder(bram, rig.Offload));

        Assert.Equal(IntakeOutcome.Stored, result.Outcome);
        Assert.Equal(files.Count, vault.Show(bram, result.RecordingId!).Files.Count);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_TamperedFile_IsQuarantinedWithTheReasonAndNotStored(Backend backend)
    {
        using var rig = new VaultRig(backend);
        string file = rig.RecordHeerde()[0];
        byte[] bytes = File.ReadAllBytes(file);
        bytes[bytes.Length - 300] ^= 0x01;
        File.WriteAllBytes(file, bytes);
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");

        IntakeResult result = Assert.Single(vault.IntakeFolder(bram, rig.Offload));
        vault.IntakeFolder(bram, rig.Offload);

        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.StartsWith("verification failed: ", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Tampered", result.Detail, StringComparison.Ordinal);
        Assert.Empty(vault.List(bram, rig.Clock.Now));
        Assert.Equal(0, vault.Check(bram).Objects);
        Assert.Single(vault.ReadLog(vault.Actor("anna")), e => e.Action == "intake-quarantined");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_DeviceNotInRegistry_IsQuarantinedNamingTheDevice(Backend backend)
    {
        using var rig = new VaultRig(backend);
        using var stranger = new RecordingFactory("HEE-99", 33, Bodycam.Sdk.Crypto.X25519.GetPublicKey(rig.RecipientPrivateKey));
        stranger.Record(rig.Offload, VaultRig.RecordedAt);
        EvidenceVault vault = rig.Open();

        IntakeResult result = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), rig.Offload));

        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Contains("'HEE-99' is not in the device registry", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_RecordingSignedByAnotherKeyThanTheRegistered_IsQuarantined(Backend backend)
    {
        using var rig = new VaultRig(backend);
        using var impostor = new RecordingFactory("HEE-01", 44, Bodycam.Sdk.Crypto.X25519.GetPublicKey(rig.RecipientPrivateKey));
        impostor.Record(rig.Offload, VaultRig.RecordedAt);
        EvidenceVault vault = rig.Open();

        IntakeResult result = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), rig.Offload));

        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Contains("DeviceKeyMismatch", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_AnotherMunicipalitysDevice_IsRefusedAndLeavesNoTrace(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.Hattem.Record(rig.Offload, VaultRig.RecordedAt);
        EvidenceVault vault = rig.Open();

        IntakeResult result = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), rig.Offload));

        Assert.Equal(IntakeOutcome.Refused, result.Outcome);
        Assert.Empty(vault.List(vault.Actor("hans"), rig.Clock.Now));
        Assert.Empty(vault.ReadLog(vault.Actor("hans")));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_ByAViewer_IsRefusedForTheMissingRole(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.RecordHeerde();
        EvidenceVault vault = rig.Open();

        VaultException e = Assert.Throws<VaultException>(() => vault.IntakeFolder(vault.Actor("vera"), rig.Offload));

        Assert.Equal(VaultError.RoleMissing, e.Error);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_UnsynchronisedClock_CountsRetentionFromIntake(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.Heerde.Record(rig.Offload, VaultRig.RecordedAt, clockSet: false);
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");

        IntakeResult result = Assert.Single(vault.IntakeFolder(bram, rig.Offload));

        RecordingDetails d = vault.Show(bram, result.RecordingId!);
        Assert.False(d.ClockSynchronised);
        Assert.Equal(rig.Clock.Now, d.RecordedAt);
    }

    [Fact]
    public void Open_Twice_AppliesTheSchemaOnce()
    {
        using var rig = new VaultRig(Backend.Sqlite);
        rig.Open();
        rig.Open();

        using System.Data.Common.DbConnection connection = rig.Database.Open();
        using System.Data.Common.DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM vault_schema";
        using System.Data.Common.DbDataReader reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(3, reader.GetInt64(0));
        Assert.Equal(3, reader.GetInt64(1));
    }

    private static string IntakeProcessorManifest(string sha, string name) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sha + "  " + name + "\n")));
}
