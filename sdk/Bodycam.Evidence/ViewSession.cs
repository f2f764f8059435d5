using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Security.Cryptography;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Recording;

namespace Bodycam.Evidence;

/// <summary>
/// Purpose-bound viewing without an export (docs/evidence-vault.md, "Viewing"): under an approved request, the
/// recording is verified and decrypted into a private folder (mode 0700, by default in RAM under /dev/shm) that only
/// the viewing user can enter, as the SDK's evidence bundle (recording.avi or the raw streams, report, SHA256SUMS).
/// The access log gets "view-started" before the decryption, "view" with the SHA256SUMS hash once the copy is there,
/// and "view-closed" when <see cref="Dispose"/> removes the folder. A folder whose process died is removed by the
/// next vault start (its lock file is then free).
/// </summary>
public sealed class ViewSession : IDisposable
{
    /// <summary>The prefix of every view folder's name.</summary>
    public const string FolderPrefix = "bodycam-view-";

    private const string LockFileName = ".lock";

    private readonly EvidenceVault _vault;
    private readonly VaultActor _actor;
    private readonly AccessRequest _request;
    private FileStream? _lock;

    private ViewSession(EvidenceVault vault, VaultActor actor, AccessRequest request, string folder, FileStream lockFile)
    {
        _vault = vault;
        _actor = actor;
        _request = request;
        Folder = folder;
        _lock = lockFile;
    }

    /// <summary>Gets the private folder (removed by <see cref="Dispose"/>).</summary>
    public string Folder { get; }

    /// <summary>Gets the viewing copy: the evidence bundle inside <see cref="Folder"/>.</summary>
    public string BundleDirectory => Path.Combine(Folder, "bundle");

    /// <summary>Gets the bundle's files, relative to <see cref="BundleDirectory"/>.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>Gets the SHA-256 of the bundle's SHA256SUMS, as the "view" log entry records it.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>Gets the access log entry that records the view.</summary>
    public long LogSequence { get; private set; }

    /// <summary>Removes the folder and logs "view-closed". Safe to call twice.</summary>
    public void Dispose()
    {
        if (_lock is null)
        {
            return;
        }

        Directory.Delete(Folder, recursive: true);
        _lock.Dispose();
        _lock = null;
        using DbConnection connection = _vault.Database.Open();
        using DbTransaction transaction = connection.BeginTransaction();
        AccessLog.Append(connection, transaction, _vault.Database, _actor.MunicipalityId, _vault.NowMs, _actor.Name, "view-closed", _request.RecordingId, _request.RequestId, VaultTerms.Name(_request.Purpose), "removed " + Folder, Sha256.Length > 0 ? Sha256 : null);
        transaction.Commit();
    }

    internal static ViewSession Open(EvidenceVault vault, VaultActor actor, string recordingId, string requestId, ReadOnlySpan<byte> recipientPrivateKey)
    {
        EvidenceVault.RequireAny(actor, VaultRole.Viewer, VaultRole.PrivacyOfficer);
        string parent = vault.Options.ViewFolder;
        Directory.CreateDirectory(parent);
        string folder = Path.Combine(parent, FolderPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        (RecordingDetails details, AccessRequest request, DeviceRegistryEntry device) = CustodyExporter.Authorize(vault, actor, recordingId, requestId, "view", "decrypting into " + folder + " for viewing");
        CreatePrivate(folder);
        var lockFile = new FileStream(Path.Combine(folder, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var session = new ViewSession(vault, actor, request, folder, lockFile);
        try
        {
            string originals = Path.Combine(folder, "originals");
            CreatePrivate(originals);
            (List<string> paths, List<RecordingResult> results) = CustodyExporter.DecryptOriginals(vault, details, device, recipientPrivateKey, originals);
            EvidenceBundle bundle = new EvidenceBundleWriter(vault.Options.Time, new AviExporter()).Create(session.BundleDirectory, paths, results);
            Directory.Delete(originals, recursive: true);
            session.Sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(session.BundleDirectory, EvidenceBundleWriter.ManifestFileName))));
            var files = new List<string>();
            foreach (EvidenceFile file in bundle.Files)
            {
                files.Add(file.RelativePath);
            }

            session.Files = files;
            using DbConnection connection = vault.Database.Open();
            using DbTransaction transaction = connection.BeginTransaction();
            session.LogSequence = AccessLog.Append(connection, transaction, vault.Database, actor.MunicipalityId, vault.NowMs, actor.Name, "view", recordingId, requestId, VaultTerms.Name(request.Purpose), $"viewing copy in {folder} (SHA256SUMS {session.Sha256}); removed when the view closes", session.Sha256);
            transaction.Commit();
            return session;
        }
        catch
        {
            // Nothing decrypted stays behind a failed view; the "view-closed" entry says the folder went.
            session.Dispose();
            throw;
        }
    }

    /// <summary>Removes view folders under <paramref name="parent"/> whose owner is gone (their lock file is free).</summary>
    internal static void RemoveAbandoned(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (string folder in Directory.EnumerateDirectories(parent, FolderPrefix + "*"))
        {
            try
            {
                using (new FileStream(Path.Combine(folder, LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
            }
            catch (FileNotFoundException)
            {
                // Made but not yet locked, or the lock is already gone with the folder: nothing to decide on.
                continue;
            }
            catch (IOException)
            {
                // Locked: a view that is open now.
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's view folder.
                continue;
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
