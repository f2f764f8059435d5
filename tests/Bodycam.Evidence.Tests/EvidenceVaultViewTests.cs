using System;
using System.IO;
using System.Linq;
using Bodycam.Evidence.Tests.Support;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class EvidenceVaultViewTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public void View_UnderAnApprovedRequest_DecryptsIntoAPrivateFolderLogsItAndRemovesItWhenClosed(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        VaultActor vera = vault.Actor("vera");
        VaultActor anna = vault.Actor("anna");
        AccessRequest request = vault.CreateRequest(vera, id, RequesterRole.Bystander, RequestPurpose.Inzage, "AVG-3");
        vault.Decide(anna, request.RequestId, approve: true, "the bystander's own footage");

        string folder;
        using (ViewSession session = vault.View(vera, id, request.RequestId, rig.RecipientPrivateKey))
        {
            folder = session.Folder;
            Assert.StartsWith(rig.ViewFolder, folder, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(session.BundleDirectory, "report.json")));
            Assert.Contains("audio.wav", session.Files);
            Assert.True(File.Exists(Path.Combine(session.BundleDirectory, "audio.wav")));
            Assert.False(Directory.Exists(Path.Combine(folder, "originals")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }

            AccessLogEntry viewed = vault.ReadLog(anna).Last();
            Assert.Equal("view", viewed.Action);
            Assert.Equal(session.Sha256, viewed.OutputSha256);
            Assert.Equal(session.LogSequence, viewed.Sequence);
            Assert.Equal("inzage", viewed.Purpose);
        }

        Assert.False(Directory.Exists(folder));
        string[] actions = vault.ReadLog(anna).Select(e => e.Action).ToArray();
        Assert.Equal(["view-started", "view", "view-closed"], actions[^3..]);
        Assert.True(vault.VerifyLog(anna).Valid);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void View_WithoutAnApprovedRequest_IsRefusedLoggedAndDecryptsNothing(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        VaultActor vera = vault.Actor("vera");
        AccessRequest pending = vault.CreateRequest(vera, id, RequesterRole.Officer, RequestPurpose.Aangifte, "PL-1");

        VaultException e = Assert.Throws<VaultException>(() => vault.View(vera, id, pending.RequestId, rig.RecipientPrivateKey));

        Assert.Equal(VaultError.NoApprovedRequest, e.Error);
        Assert.StartsWith("View refused", e.Message, StringComparison.Ordinal);
        Assert.Equal("view-refused", vault.ReadLog(vault.Actor("anna")).Last().Action);
        Assert.True(!Directory.Exists(rig.ViewFolder) || Directory.GetFileSystemEntries(rig.ViewFolder).Length == 0);
    }

    [Theory]
    [SqliteData]
    public void View_ByAnIntakeOperator_IsRefusedForTheRole(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        AccessRequest request = vault.CreateRequest(vault.Actor("vera"), id, RequesterRole.Bystander, RequestPurpose.Inzage, "AVG-4");
        vault.Decide(vault.Actor("anna"), request.RequestId, approve: true, "ok");

        VaultException e = Assert.Throws<VaultException>(() => vault.View(vault.Actor("bram"), id, request.RequestId, rig.RecipientPrivateKey));

        Assert.Equal(VaultError.RoleMissing, e.Error);
    }

    [Theory]
    [SqliteData]
    public void Open_WithAViewFolderLeftByADeadProcess_RemovesItAndKeepsAnOpenOne(Backend backend)
    {
        using var rig = new VaultRig(backend);
        (EvidenceVault vault, string id) = EvidenceVaultRetentionTests.StoreOne(rig);
        AccessRequest request = vault.CreateRequest(vault.Actor("vera"), id, RequesterRole.Bystander, RequestPurpose.Inzage, "AVG-5");
        vault.Decide(vault.Actor("anna"), request.RequestId, approve: true, "ok");
        string abandoned = Path.Combine(rig.ViewFolder, ViewSession.FolderPrefix + "0000000000000000");
        Directory.CreateDirectory(Path.Combine(abandoned, "bundle"));
        File.WriteAllText(Path.Combine(abandoned, ".lock"), string.Empty);
        File.WriteAllText(Path.Combine(abandoned, "bundle", "recording.avi"), "plaintext left behind");

        using ViewSession open = vault.View(vault.Actor("vera"), id, request.RequestId, rig.RecipientPrivateKey);
        rig.Open();

        Assert.False(Directory.Exists(abandoned));
        Assert.True(File.Exists(Path.Combine(open.BundleDirectory, "report.json")));
    }
}
