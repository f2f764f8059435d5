using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Bodycam.Evidence.Tests.Support;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class EvidenceVaultAccessTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public void Export_UnderAnApprovedRequest_WritesTheBundleAndAChainOfCustodyReportAndLogsItsHash(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        VaultActor vera = vault.Actor("vera");
        VaultActor anna = vault.Actor("anna");
        vault.PlaceHold(anna, id, HoldKind.Complaint, "K-2026-9");
        AccessRequest request = vault.CreateRequest(vera, id, RequesterRole.FilmedPerson, RequestPurpose.Complaint, "K-2026-9");
        vault.Decide(anna, request.RequestId, approve: true, "complainant's own footage");
        string target = Path.Combine(rig.Folder, "export");

        ExportResult export = vault.Export(vera, id, request.RequestId, rig.RecipientPrivateKey, target);

        Assert.True(File.Exists(Path.Combine(export.BundleDirectory, "SHA256SUMS")));
        Assert.True(Directory.GetFiles(Path.Combine(export.BundleDirectory, "original")).Length == 1);
        byte[] report = File.ReadAllBytes(export.CustodyReportPath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(report)), export.CustodyReportSha256);
        using JsonDocument json = JsonDocument.Parse(report);
        Assert.Equal("anna", json.RootElement.GetProperty("request").GetProperty("approvedBy").GetString());
        Assert.Equal("HEE-01", json.RootElement.GetProperty("device").GetProperty("id").GetString());
        Assert.Equal("K-2026-9", json.RootElement.GetProperty("holds")[0].GetProperty("reference").GetString());
        string[] actions = json.RootElement.GetProperty("accesses").EnumerateArray().Select(a => a.GetProperty("action").GetString()!).ToArray();
        Assert.Equal(["intake", "hold-placed", "request-made", "request-approved", "export-started"], actions);
        AccessLogEntry logged = vault.ReadLog(anna).Last();
        Assert.Equal("export", logged.Action);
        Assert.Equal(export.CustodyReportSha256, logged.OutputSha256);
        Assert.Equal("complaint", logged.Purpose);
        Assert.Equal(request.RequestId, logged.RequestId);
        Assert.Equal(2000, vault.Show(anna, id).PreRecordMilliseconds);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Export_WithAPendingOrDeniedRequest_IsRefusedAndLogged(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        VaultActor vera = vault.Actor("vera");
        AccessRequest pending = vault.CreateRequest(vera, id, RequesterRole.Bystander, RequestPurpose.Inzage, "AVG-12");
        AccessRequest denied = vault.CreateRequest(vera, id, RequesterRole.Officer, RequestPurpose.Aangifte, "PL-7");
        vault.Decide(vault.Actor("anna"), denied.RequestId, approve: false, "no aangifte filed");
        string target = Path.Combine(rig.Folder, "export");

        VaultException p = Assert.Throws<VaultException>(() => vault.Export(vera, id, pending.RequestId, rig.RecipientPrivateKey, target));
        VaultException d = Assert.Throws<VaultException>(() => vault.Export(vera, id, denied.RequestId, rig.RecipientPrivateKey, target));

        Assert.Equal(VaultError.NoApprovedRequest, p.Error);
        Assert.Equal(VaultError.NoApprovedRequest, d.Error);
        Assert.False(Directory.Exists(target));
        Assert.Equal(2, vault.ReadLog(vault.Actor("anna")).Count(e => e.Action == "export-refused"));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Export_OfAnotherRecordingThanTheRequestNames_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.RecordHeerde();
        rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1));
        EvidenceVault vault = rig.Open();
        string[] ids = vault.IntakeFolder(vault.Actor("bram"), rig.Offload).Select(r => r.RecordingId!).ToArray();
        VaultActor vera = vault.Actor("vera");
        AccessRequest request = vault.CreateRequest(vera, ids[0], RequesterRole.FilmedPerson, RequestPurpose.Inzage, "AVG-1");
        vault.Decide(vault.Actor("anna"), request.RequestId, approve: true, "ok");

        VaultException e = Assert.Throws<VaultException>(() => vault.Export(vera, ids[1], request.RequestId, rig.RecipientPrivateKey, Path.Combine(rig.Folder, "x")));

        Assert.Equal(VaultError.NoApprovedRequest, e.Error);
        Assert.Contains("covers recording " + ids[0], e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Decide_ByTheRequester_IsRefusedAsFourEyes(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        VaultActor piet = vault.Actor("piet");
        AccessRequest request = vault.CreateRequest(piet, id, RequesterRole.Prosecutor, RequestPurpose.Prosecution, "OM-55");

        VaultException e = Assert.Throws<VaultException>(() => vault.Decide(piet, request.RequestId, approve: true, "mine"));
        AccessRequest decided = vault.Decide(vault.Actor("anna"), request.RequestId, approve: true, "demand received");

        Assert.Equal(VaultError.FourEyes, e.Error);
        Assert.Equal(RequestState.Approved, decided.State);
        Assert.Equal("anna", decided.DecidedBy);
        Assert.Single(vault.ReadLog(vault.Actor("anna")), x => x.Action == "decision-refused");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Decide_ByAViewer_IsRefusedForTheMissingRole(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        AccessRequest request = vault.CreateRequest(vault.Actor("piet"), id, RequesterRole.FilmedPerson, RequestPurpose.Inzage, "AVG-3");

        VaultException e = Assert.Throws<VaultException>(() => vault.Decide(vault.Actor("vera"), request.RequestId, approve: true, "ok"));

        Assert.Equal(VaultError.RoleMissing, e.Error);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void CreateRequest_ForTraining_IsRefusedNamingTheMissingAnonymisationStep(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);

        VaultException e = Assert.Throws<VaultException>(() => vault.CreateRequest(vault.Actor("vera"), id, RequesterRole.Officer, RequestPurpose.Training, "course 2026"));

        Assert.Equal(VaultError.TrainingNeedsAnonymisation, e.Error);
        Assert.Contains("anonymisation step", e.Message, StringComparison.Ordinal);
        Assert.Empty(vault.Show(vault.Actor("anna"), id).Requests);
        Assert.Single(vault.ReadLog(vault.Actor("anna")), x => x.Action == "request-refused" && x.Purpose == "training");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void CreateRequest_PurposeOutsideTheRolesList_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);

        VaultException e = Assert.Throws<VaultException>(() => vault.CreateRequest(vault.Actor("vera"), id, RequesterRole.Prosecutor, RequestPurpose.Inzage, "x"));

        Assert.Equal(VaultError.PurposeNotAllowed, e.Error);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void AnotherMunicipalitysActor_SeesAndReachesNothing(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        VaultActor anna = vault.Actor("anna");
        Hold hold = vault.PlaceHold(anna, id, HoldKind.Aangifte, "PL-1");
        AccessRequest request = vault.CreateRequest(vault.Actor("vera"), id, RequesterRole.FilmedPerson, RequestPurpose.Inzage, "AVG-2");
        vault.Decide(anna, request.RequestId, approve: true, "ok");
        VaultActor hans = vault.Actor("hans");
        DateTimeOffset later = VaultRig.RecordedAt + TimeSpan.FromDays(365);

        Assert.Empty(vault.List(hans, later));
        Assert.Empty(vault.List(hans, later, ListFilter.Expired));
        Assert.Equal(VaultError.NotFound, Assert.Throws<VaultException>(() => vault.Show(hans, id)).Error);
        Assert.Equal(VaultError.NotFound, Assert.Throws<VaultException>(() => vault.PlaceHold(hans, id, HoldKind.Complaint, "x")).Error);
        Assert.Equal(VaultError.NotFound, Assert.Throws<VaultException>(() => vault.ReleaseHold(hans, hold.HoldId, "x")).Error);
        Assert.Equal(VaultError.NotFound, Assert.Throws<VaultException>(() => vault.CreateRequest(hans, id, RequesterRole.FilmedPerson, RequestPurpose.Inzage, "x")).Error);
        Assert.Equal(VaultError.NotFound, Assert.Throws<VaultException>(() => vault.Decide(hans, request.RequestId, approve: false, "x")).Error);
        Assert.Equal(VaultError.NotFound, Assert.Throws<VaultException>(() => vault.Export(hans, id, request.RequestId, rig.RecipientPrivateKey, Path.Combine(rig.Folder, "x"))).Error);
        Assert.Empty(vault.ReadLog(hans));
        Assert.Empty(vault.Deletions(hans));
        Assert.True(vault.VerifyLog(hans).Valid);
    }

    [Fact]
    public void PublicApi_OffersNoQueryByDeviceOrOfficer()
    {
        // The works council's condition: nothing lists recordings or use per officer or device over time.
        string[] forbidden = ["device", "officer", "wearer", "from", "until", "between"];
        foreach (MethodInfo method in typeof(EvidenceVault).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            foreach (ParameterInfo p in method.GetParameters())
            {
                Assert.DoesNotContain(forbidden, f => p.Name!.Contains(f, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.DoesNotContain(typeof(RecordingSummary).GetProperties(), p => p.Name.Contains("Device", StringComparison.Ordinal));
        Assert.DoesNotContain(Enum.GetNames<RequestPurpose>(), n => n.Contains("Perform", StringComparison.Ordinal) || n.Contains("Monitor", StringComparison.Ordinal));
        Assert.Equal(VaultError.InvalidArgument, Assert.Throws<VaultException>(() => VaultTerms.ParsePurpose("performance-review")).Error);
    }
}
