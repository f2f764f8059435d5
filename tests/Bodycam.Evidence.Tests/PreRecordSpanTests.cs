using System;
using System.Collections.Generic;
using System.IO;
using Bodycam.Evidence.Tests.Support;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class PreRecordSpanTests
{
    [Fact]
    public void PreRecordSpanMilliseconds_FromFileZerosOpenRecord_IsTheSpan()
    {
        using var rig = new VaultRig(Backend.Sqlite);
        RecordingResult verified = VerifiedFirstFile(rig);

        long? span = IntakeProcessor.PreRecordSpanMilliseconds([With(verified, 29_960)]);

        Assert.Equal(29_960, span);
    }

    [Fact]
    public void PreRecordSpanMilliseconds_OfAFileWithoutSignedSpan_IsNull()
    {
        // A version 1 file 0 (or one whose open record did not verify) has no device-signed span.
        using var rig = new VaultRig(Backend.Sqlite);
        RecordingResult verified = VerifiedFirstFile(rig);

        Assert.Null(IntakeProcessor.PreRecordSpanMilliseconds([With(verified, null)]));
    }

    [Fact]
    public void PreRecordSpanMilliseconds_OfAVersion2RecordingWithoutPreRecord_IsZero()
    {
        // The rig's camera records with the pre-record off: the open record's press time is the first frame's.
        using var rig = new VaultRig(Backend.Sqlite);
        RecordingResult verified = VerifiedFirstFile(rig);

        Assert.Equal(2, verified.Version);
        Assert.Equal(TimeSpan.Zero, verified.PreRecordSpan);
        Assert.Equal(0, IntakeProcessor.PreRecordSpanMilliseconds([verified]));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Intake_OfAVersion2Recording_StoresTheSignedSpan(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        VaultActor anna = vault.Actor("anna");

        RecordingDetails details = vault.Show(anna, id);

        Assert.Equal(0, details.PreRecordSpanMilliseconds);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Open_ADatabaseAtSchema1_AddsTheSpanColumnAndKeepsTheRecordings(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (_, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        rig.Execute("ALTER TABLE recordings DROP COLUMN pre_record_span_ms");
        rig.Execute("ALTER TABLE pending_intakes DROP COLUMN source_path");
        rig.Execute("DELETE FROM vault_schema WHERE version >= 2");

        EvidenceVault reopened = rig.Open();

        Assert.Null(reopened.Show(reopened.Actor("anna"), id).PreRecordSpanMilliseconds);
        rig.Execute("UPDATE recordings SET pre_record_span_ms = 30000");
        Assert.Equal(30_000, reopened.Show(reopened.Actor("anna"), id).PreRecordSpanMilliseconds);
    }

    private static RecordingResult VerifiedFirstFile(VaultRig rig)
    {
        string file = rig.RecordHeerde()[0];
        return new RecordingReader(File.ReadAllBytes(file)).Verify(rig.Heerde.DevicePublicKey);
    }

    // The same result with the span a version 2 file 0 would carry (RecordingResult has init-only properties).
    private static RecordingResult With(RecordingResult r, long? spanMilliseconds) => new()
    {
        Status = r.Status,
        Header = r.Header,
        SegmentCount = r.SegmentCount,
        SignedSegmentCount = r.SignedSegmentCount,
        RecordCount = r.RecordCount,
        Frames = new List<MediaFrame>(),
        Markers = new List<long>(),
        CloseReason = r.CloseReason,
        EndMonotonicMilliseconds = r.EndMonotonicMilliseconds,
        FinalChainHash = r.FinalChainHash,
        PreRecordSpanMilliseconds = spanMilliseconds,
    };
}
