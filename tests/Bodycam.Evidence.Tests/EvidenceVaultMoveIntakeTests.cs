using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Bodycam.Cli.Vault;
using Bodycam.Evidence.Tests.Support;
using Bodycam.Sdk.Offload;
using Xunit;

namespace Bodycam.Evidence.Tests;

/// <summary>
/// Intake that takes the files in by rename (docs/evidence-vault.md, "Intake" and "Crash safety"): verified recordings
/// leave the source folder for the object store; refused and quarantined ones stay untouched; a crash at any step
/// leaves every file at its source path or stored with metadata.
/// </summary>
public class EvidenceVaultMoveIntakeTests
{
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeMove_VerifiedRecordings_AreStoredReadOnlyAndLeaveTheSourceFolder(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.RecordHeerde();
        rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1), milliseconds: 20_000, fileMaxBytes: 16 * 1024);
        Dictionary<string, byte[]> before = Snapshot(rig.Offload);
        Assert.True(before.Count >= 4);
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");
        Assert.True(vault.CanMoveFrom(rig.Offload));

        IReadOnlyList<IntakeResult> results = vault.IntakeFolder(bram, rig.Offload, IntakeMode.Move);

        Assert.All(results, r => Assert.Equal(IntakeOutcome.Stored, r.Outcome));
        Assert.All(results, r => Assert.True(r.SourcesMoved));
        Assert.Empty(Snapshot(rig.Offload));
        foreach ((string path, byte[] bytes) in before)
        {
            string stored = vault.Store.PathOf(Sha(bytes));
            Assert.Equal(bytes, File.ReadAllBytes(stored));
            Assert.Equal((UnixFileMode)0, WriteBits(stored));
        }

        CheckReport check = vault.Check(bram, deep: true);
        Assert.Empty(check.Findings);
        Assert.Equal(before.Count, check.Objects);
        Assert.Empty(PendingRows(rig));
        Assert.Equal(2, vault.ReadLog(vault.Actor("anna")).Count(e => e.Action == "intake"));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeCopy_ObjectFolders_AreFlushedBeforeTheMetadataNamesTheObjects(Backend backend)
    {
        // A rename into objects/ survives a power cut only once its folder is flushed; until then the metadata must
        // not name the object (docs/evidence-vault.md, "Intake", step 6). Linux only: elsewhere nothing is flushed.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var rig = new VaultRig(backend);
        rig.RecordHeerde();
        var events = new List<string>();
        EvidenceVault vault = rig.Open(step =>
        {
            lock (events)
            {
                events.Add("step " + step);
            }
        });
        Storage.FileSystem.FolderSynced.Value = folder =>
        {
            lock (events)
            {
                events.Add("sync " + folder);
            }
        };
        try
        {
            IReadOnlyList<IntakeResult> results = vault.IntakeFolder(vault.Actor("bram"), rig.Offload, IntakeMode.Copy);

            Assert.Equal(IntakeOutcome.Stored, Assert.Single(results).Outcome);
        }
        finally
        {
            Storage.FileSystem.FolderSynced.Value = null;
        }

        int committed = events.IndexOf("step " + VaultStep.IntakeCommitted);
        Assert.True(committed > 0, string.Join(", ", events));
        string[] sources = Directory.GetFiles(rig.Offload, "*.bcr", SearchOption.AllDirectories);
        Assert.NotEmpty(sources);
        foreach (string file in sources)
        {
            string folder = Path.GetDirectoryName(vault.Store.PathOf(Sha(File.ReadAllBytes(file))))!;
            int synced = events.IndexOf("sync " + folder);
            Assert.True(synced >= 0 && synced < committed, $"{folder} not flushed before the commit: {string.Join(", ", events)}");
        }
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeCopy_StoredObjects_AreReadOnlyAndTheSourcesStay(Backend backend)
    {
        using var rig = new VaultRig(backend);
        string file = rig.RecordHeerde()[0];
        EvidenceVault vault = rig.Open();

        IntakeResult result = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), rig.Offload));

        Assert.Equal(IntakeOutcome.Stored, result.Outcome);
        Assert.False(result.SourcesMoved);
        Assert.True(File.Exists(file));
        Assert.Equal((UnixFileMode)0, WriteBits(vault.Store.PathOf(Sha(File.ReadAllBytes(file)))));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeMove_TamperedAndRefusedRecordings_StayInTheSourceFolderUntouched(Backend backend)
    {
        using var rig = new VaultRig(backend);
        string tampered = rig.RecordHeerde()[0];
        byte[] bytes = File.ReadAllBytes(tampered);
        bytes[bytes.Length - 300] ^= 0x01;
        File.WriteAllBytes(tampered, bytes);
        IReadOnlyList<string> hattem = rig.Hattem.Record(rig.Offload, VaultRig.RecordedAt);
        IReadOnlyList<string> good = rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1));
        Dictionary<string, byte[]> before = Snapshot(rig.Offload);
        var written = before.Keys.ToDictionary(p => p, File.GetLastWriteTimeUtc);
        EvidenceVault vault = rig.Open();

        IReadOnlyList<IntakeResult> results = vault.IntakeFolder(vault.Actor("bram"), rig.Offload, IntakeMode.Move);

        Assert.Equal(IntakeOutcome.Quarantined, Assert.Single(results, r => r.Files.Contains(tampered)).Outcome);
        Assert.Equal(IntakeOutcome.Refused, Assert.Single(results, r => r.Files.SequenceEqual(hattem)).Outcome);
        Assert.Equal(IntakeOutcome.Stored, Assert.Single(results, r => r.Files.SequenceEqual(good)).Outcome);
        Dictionary<string, byte[]> after = Snapshot(rig.Offload);
        Assert.Equal(before.Keys.Except(good).Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach ((string path, byte[] content) in after)
        {
            Assert.Equal(before[path], content);
            Assert.Equal(written[path], File.GetLastWriteTimeUtc(path));
        }

        Assert.Equal(1, vault.Check(vault.Actor("bram"), deep: true).Objects);
        Assert.Empty(PendingRows(rig));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeMove_OfARecordingAlreadyStored_RemovesTheSourcesOnlyWhenItsObjectsArePresent(Backend backend)
    {
        using var rig = new VaultRig(backend);
        IReadOnlyList<string> first = rig.RecordHeerde();
        IReadOnlyList<string> second = rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1));
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");
        Assert.All(vault.IntakeFolder(bram, rig.Offload), r => Assert.Equal(IntakeOutcome.Stored, r.Outcome));
        string firstSha = Sha(File.ReadAllBytes(first[0]));

        // The second recording's object goes missing (a damaged vault): its source is then the only copy and stays.
        string missing = Sha(File.ReadAllBytes(second[0]));
        File.Delete(vault.Store.PathOf(missing));
        IReadOnlyList<IntakeResult> again = vault.IntakeFolder(bram, rig.Offload, IntakeMode.Move);

        IntakeResult removed = Assert.Single(again, r => r.Files.SequenceEqual(first));
        Assert.Equal(IntakeOutcome.AlreadyStored, removed.Outcome);
        Assert.True(removed.SourcesMoved);
        Assert.False(File.Exists(first[0]));
        Assert.True(vault.Store.Exists(firstSha));
        IntakeResult kept = Assert.Single(again, r => r.Files.SequenceEqual(second));
        Assert.Equal(IntakeOutcome.AlreadyStored, kept.Outcome);
        Assert.False(kept.SourcesMoved);
        Assert.True(File.Exists(second[0]));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeMove_FromAnotherFileSystem_CopiesAndLeavesTheSources(Backend backend)
    {
        Assert.True(Directory.Exists("/dev/shm"), "this test needs /dev/shm (tmpfs) as a second file system");
        using var rig = new VaultRig(backend);
        string elsewhere = Path.Combine("/dev/shm", "bodycam-move-" + Guid.NewGuid().ToString("N"));
        try
        {
            IReadOnlyList<string> files = rig.Heerde.Record(elsewhere, VaultRig.RecordedAt, 20_000, 16 * 1024);
            Dictionary<string, byte[]> before = Snapshot(elsewhere);
            EvidenceVault vault = rig.Open();
            Assert.False(vault.CanMoveFrom(elsewhere));

            IntakeResult result = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), elsewhere, IntakeMode.Move));

            Assert.Equal(IntakeOutcome.Stored, result.Outcome);
            Assert.False(result.SourcesMoved);
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Snapshot(elsewhere).Keys.Order(StringComparer.Ordinal));
            Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(vault.Store.PathOf(Sha(f.Value)))));
            CheckReport check = vault.Check(vault.Actor("bram"), deep: true);
            Assert.Empty(check.Findings);
            Assert.Equal(files.Count, check.Objects);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Theory]
    [SqliteData(VaultStep.IntakeJournaled, VaultStep.IntakeSourceMoved, VaultStep.IntakeSourceRemoved, VaultStep.IntakeCommitted)]
    [PostgresData(VaultStep.IntakeJournaled, VaultStep.IntakeSourceMoved, VaultStep.IntakeSourceRemoved, VaultStep.IntakeCommitted)]
    public void IntakeMove_KilledAtEachOccurrenceOfAStep_EveryFileIsAtItsSourceOrStoredAndTheNextStartLeavesACleanVault(Backend backend, VaultStep step)
    {
        for (int occurrence = 1; ; occurrence++)
        {
            using var rig = new VaultRig(backend);

            // One recording stored before (by a copying intake, so its source stays: the move removes it), one new
            // recording, and one in three files: every step is reached several times.
            rig.RecordHeerde();
            EvidenceVault setup = rig.Open();
            Assert.Equal(IntakeOutcome.Stored, Assert.Single(setup.IntakeFolder(setup.Actor("bram"), rig.Offload)).Outcome);
            rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromMinutes(30));
            IReadOnlyList<string> continued = rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1), milliseconds: 20_000, fileMaxBytes: 16 * 1024);
            Assert.True(continued.Count >= 3);
            Dictionary<string, byte[]> before = Snapshot(rig.Offload);
            var crash = new CrashAt(step, occurrence);
            EvidenceVault crashed = rig.Open(crash.Hook);
            try
            {
                crashed.IntakeFolder(crashed.Actor("bram"), rig.Offload, IntakeMode.Move);
            }
            catch (SimulatedCrashException)
            {
            }

            if (!crash.Fired)
            {
                Assert.True(occurrence > 1, $"{step} was never reached");
                return;
            }

            AssertEveryFileAtItsSourceOrStored(rig, crashed, before, $"{step} #{occurrence}, before the restart", journaled: true);
            rig.Clock.Advance(TimeSpan.FromHours(1));
            EvidenceVault restarted = rig.Open();
            VaultActor bram = restarted.Actor("bram");
            AssertEveryFileAtItsSourceOrStored(rig, restarted, before, $"{step} #{occurrence}, after the restart", journaled: false);
            CheckReport afterStart = restarted.Check(bram, deep: true);
            Assert.True(afterStart.Findings.Count == 0, $"{step} #{occurrence}: " + string.Join("; ", afterStart.Findings));
            Assert.Empty(PendingRows(rig));

            IReadOnlyList<IntakeResult> again = restarted.IntakeFolder(bram, rig.Offload, IntakeMode.Move);
            Assert.All(again, r => Assert.Contains(r.Outcome, new[] { IntakeOutcome.Stored, IntakeOutcome.AlreadyStored }));
            Assert.Empty(Snapshot(rig.Offload));
            CheckReport afterRetry = restarted.Check(bram, deep: true);
            Assert.Empty(afterRetry.Findings);
            Assert.Equal(before.Count, afterRetry.Objects);
            Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(restarted.Store.PathOf(Sha(f.Value)))));
            Assert.Equal(3, restarted.List(bram, rig.Clock.Now).Count);
            Assert.Equal(3, restarted.ReadLog(restarted.Actor("anna")).Count(e => e.Action == "intake"));
            Assert.True(restarted.VerifyLog(restarted.Actor("anna")).Valid);
        }
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Recovery_OfAMovedObjectWhoseSourcePathIsTaken_ReturnsItBesideTheVaultAndCheckListsIt(Backend backend)
    {
        using var rig = new VaultRig(backend);
        string file = rig.RecordHeerde()[0];
        byte[] original = File.ReadAllBytes(file);
        EvidenceVault crashed = rig.Open(new CrashAt(VaultStep.IntakeSourceMoved, 1).Hook);
        Assert.Throws<SimulatedCrashException>(() => crashed.IntakeFolder(crashed.Actor("bram"), rig.Offload, IntakeMode.Move));
        Assert.False(File.Exists(file));
        string owner = Assert.Single(PendingRows(rig)).Owner;
        File.WriteAllText(file, "another file in its place");

        rig.Clock.Advance(TimeSpan.FromHours(1));
        EvidenceVault restarted = rig.Open();

        string returned = Path.Combine(rig.Root, "returned", owner, Path.GetFileName(file));
        Assert.Equal(original, File.ReadAllBytes(returned));
        Assert.Equal("another file in its place", File.ReadAllText(file));
        Assert.False(restarted.Store.Exists(Sha(original)));
        CheckFinding finding = Assert.Single(restarted.Check(restarted.Actor("bram"), deep: true).Findings);
        Assert.Equal(CheckFindingKind.ReturnedFile, finding.Kind);
        Assert.Equal(Path.Combine(owner, Path.GetFileName(file)), finding.Subject);
        Assert.True(finding.IsFault);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Recovery_OfAMovedObjectWhoseSourceWasFetchedAgain_KeepsTheSourceAndDropsTheSurplusObject(Backend backend)
    {
        using var rig = new VaultRig(backend);
        string file = rig.RecordHeerde()[0];
        byte[] original = File.ReadAllBytes(file);
        EvidenceVault crashed = rig.Open(new CrashAt(VaultStep.IntakeSourceMoved, 1).Hook);
        Assert.Throws<SimulatedCrashException>(() => crashed.IntakeFolder(crashed.Actor("bram"), rig.Offload, IntakeMode.Move));
        File.WriteAllBytes(file, original);

        rig.Clock.Advance(TimeSpan.FromHours(1));
        EvidenceVault restarted = rig.Open();

        Assert.Equal(original, File.ReadAllBytes(file));
        Assert.False(restarted.Store.Exists(Sha(original)));
        Assert.False(Directory.Exists(Path.Combine(rig.Root, "returned")));
        Assert.Empty(restarted.Check(restarted.Actor("bram"), deep: true).Findings);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Journal_OfAMoveIntake_NamesTheSourcePathOfEachMovedObject(Backend backend)
    {
        using var rig = new VaultRig(backend);
        IReadOnlyList<string> files = rig.RecordHeerde(milliseconds: 20_000, fileMaxBytes: 16 * 1024);
        EvidenceVault crashed = rig.Open(new CrashAt(VaultStep.IntakeJournaled, 1).Hook);
        Assert.Throws<SimulatedCrashException>(() => crashed.IntakeFolder(crashed.Actor("bram"), rig.Offload, IntakeMode.Move));

        var rows = PendingRows(rig).ToDictionary(r => r.Sha, r => r.Source);

        Assert.Equal(files.Count, rows.Count);
        foreach (string path in files)
        {
            Assert.Equal(Path.GetFullPath(path), rows[Sha(File.ReadAllBytes(path))]);
        }
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async System.Threading.Tasks.Task VaultIntakeVerifier_InMoveMode_PassesTheRecordingOnlyOnceItsFilesAreInTheVault(Backend backend)
    {
        using var rig = new VaultRig(backend);
        IReadOnlyList<string> files = rig.RecordHeerde(milliseconds: 20_000, fileMaxBytes: 16 * 1024);
        byte[][] bytes = files.Select(File.ReadAllBytes).ToArray();
        EvidenceVault vault = rig.Open();
        var verifier = new VaultIntakeVerifier(vault, vault.Actor("bram"), IntakeMode.Move);

        RecordingCheck check = await verifier.VerifyAsync(files, rig.Heerde.DevicePublicKey, default);

        Assert.True(check.Verified, check.Detail);
        Assert.All(files, f => Assert.False(File.Exists(f)));
        Assert.All(bytes, b => Assert.Equal(b, File.ReadAllBytes(vault.Store.PathOf(Sha(b)))));
        Assert.True(Assert.Single(verifier.Results).SourcesMoved);
    }

    private static UnixFileMode WriteBits(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Unix file modes only.");
        }

        return File.GetUnixFileMode(path) & AnyWrite;
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeMove_FileChangedAfterItWasRead_StoresTheBytesReadAndVerifiedAndLeavesTheFile(Backend backend)
    {
        using var rig = new VaultRig(backend);
        string file = rig.RecordHeerde()[0];
        byte[] original = File.ReadAllBytes(file);

        // Between the read and the move, something appends to the file (the folder must not be written during intake).
        EvidenceVault vault = rig.Open(step =>
        {
            if (step == VaultStep.IntakeJournaled)
            {
                File.AppendAllText(file, "appended");
            }
        });
        IntakeResult result = Assert.Single(vault.IntakeFolder(vault.Actor("bram"), rig.Offload, IntakeMode.Move));

        Assert.Equal(IntakeOutcome.Stored, result.Outcome);
        Assert.False(result.SourcesMoved);
        Assert.Equal(original, File.ReadAllBytes(vault.Store.PathOf(Sha(original))));
        Assert.Equal(original.Length + "appended".Length, new FileInfo(file).Length);
        Assert.Empty(vault.Check(vault.Actor("bram"), deep: true).Findings);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void IntakeLink_VerifiedRecording_IsOneFileWithItsObjectUntilRemoveTakenSourcesRemovesTheSourceName(Backend backend)
    {
        using var rig = new VaultRig(backend);
        IReadOnlyList<string> files = rig.RecordHeerde(milliseconds: 20_000, fileMaxBytes: 16 * 1024);
        string tampered = rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1))[0];
        byte[] bad = File.ReadAllBytes(tampered);
        bad[bad.Length - 300] ^= 0x01;
        File.WriteAllBytes(tampered, bad);
        Dictionary<string, byte[]> before = Snapshot(rig.Offload);
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");

        IReadOnlyList<IntakeResult> results = vault.IntakeFolder(bram, rig.Offload, IntakeMode.Link);

        IntakeResult stored = Assert.Single(results, r => r.Outcome == IntakeOutcome.Stored);
        Assert.False(stored.SourcesMoved);
        Assert.Equal(IntakeOutcome.Quarantined, Assert.Single(results, r => r.Files.Contains(tampered)).Outcome);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Snapshot(rig.Offload).Keys.Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            Assert.True(vault.Store.IsSameFile(file, Sha(before[file])));
            Assert.Equal((UnixFileMode)0, WriteBits(vault.Store.PathOf(Sha(before[file]))));
        }

        Assert.Empty(vault.Check(bram, deep: true).Findings);
        Assert.Empty(vault.RemoveTakenSources(bram, Assert.Single(results, r => r.Outcome == IntakeOutcome.Quarantined)));
        IReadOnlyList<string> removed = vault.RemoveTakenSources(bram, stored);

        Assert.Equal(files.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.Equal([tampered], Snapshot(rig.Offload).Keys);
        Assert.Equal(bad, File.ReadAllBytes(tampered));
        Assert.All(files, f => Assert.Equal(before[f], File.ReadAllBytes(vault.Store.PathOf(Sha(before[f])))));
        Assert.Empty(vault.Check(bram, deep: true).Findings);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void RemoveTakenSources_LeavesAFileThatIsACopyOfTheObjectNotTheObjectItself(Backend backend)
    {
        using var rig = new VaultRig(backend);
        string file = rig.RecordHeerde()[0];
        EvidenceVault vault = rig.Open();
        VaultActor bram = vault.Actor("bram");
        IntakeResult copied = Assert.Single(vault.IntakeFolder(bram, rig.Offload, IntakeMode.Copy));

        IReadOnlyList<string> removed = vault.RemoveTakenSources(bram, copied);

        Assert.Equal(IntakeOutcome.Stored, copied.Outcome);
        Assert.Empty(removed);
        Assert.True(File.Exists(file));
    }

    [Theory]
    [SqliteData(VaultStep.IntakeJournaled, VaultStep.IntakeSourceMoved, VaultStep.IntakeCommitted)]
    [PostgresData(VaultStep.IntakeJournaled, VaultStep.IntakeSourceMoved, VaultStep.IntakeCommitted)]
    public void IntakeLink_KilledAtEachOccurrenceOfAStep_EveryFileStaysAtItsSourceAndTheNextStartLeavesACleanVault(Backend backend, VaultStep step)
    {
        for (int occurrence = 1; ; occurrence++)
        {
            using var rig = new VaultRig(backend);
            rig.RecordHeerde();
            rig.RecordHeerde(VaultRig.RecordedAt + TimeSpan.FromHours(1), milliseconds: 20_000, fileMaxBytes: 16 * 1024);
            Dictionary<string, byte[]> before = Snapshot(rig.Offload);
            var crash = new CrashAt(step, occurrence);
            EvidenceVault crashed = rig.Open(crash.Hook);
            try
            {
                crashed.IntakeFolder(crashed.Actor("bram"), rig.Offload, IntakeMode.Link);
            }
            catch (SimulatedCrashException)
            {
            }

            if (!crash.Fired)
            {
                Assert.True(occurrence > 1, $"{step} was never reached");
                return;
            }

            rig.Clock.Advance(TimeSpan.FromHours(1));
            EvidenceVault restarted = rig.Open();
            VaultActor bram = restarted.Actor("bram");
            Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
            HashSet<string> named = NamedObjects(rig);
            foreach ((string path, byte[] bytes) in before)
            {
                // Each file is a stored object's second name, or its own file again, writable by its owner as before.
                bool stored = named.Contains(Sha(bytes)) && restarted.Store.IsSameFile(path, Sha(bytes));
                Assert.True(stored || (WriteBits(path) & UnixFileMode.UserWrite) != 0, $"{step} #{occurrence}: {path} was left read-only");
            }

            CheckReport afterStart = restarted.Check(bram, deep: true);
            Assert.True(afterStart.Findings.Count == 0, $"{step} #{occurrence}: " + string.Join("; ", afterStart.Findings));

            IReadOnlyList<IntakeResult> again = restarted.IntakeFolder(bram, rig.Offload, IntakeMode.Link);
            Assert.All(again, r => Assert.Contains(r.Outcome, new[] { IntakeOutcome.Stored, IntakeOutcome.AlreadyStored }));
            Assert.Empty(restarted.Check(bram, deep: true).Findings);
            Assert.Equal(before.Count, restarted.Check(bram).Objects);
            Assert.Equal(2, restarted.ReadLog(restarted.Actor("anna")).Count(e => e.Action == "intake"));
        }
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public void Open_ADatabaseAtSchema2_AddsTheJournalsSourcePathAndAMoveIntakeThenWorks(Backend backend)
    {
        using var rig = new VaultRig(backend);
        rig.Open();
        rig.Execute("ALTER TABLE pending_intakes DROP COLUMN source_path");
        rig.Execute("DELETE FROM vault_schema WHERE version = 3");
        rig.RecordHeerde();

        EvidenceVault reopened = rig.Open();
        IntakeResult result = Assert.Single(reopened.IntakeFolder(reopened.Actor("bram"), rig.Offload, IntakeMode.Move));

        Assert.Equal(IntakeOutcome.Stored, result.Outcome);
        Assert.True(result.SourcesMoved);
        Assert.Empty(PendingRows(rig));
    }

    internal static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // The recordings under a folder, by path.
    internal static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.bcr", SearchOption.AllDirectories).ToDictionary(p => p, File.ReadAllBytes, StringComparer.Ordinal)
            : new Dictionary<string, byte[]>(StringComparer.Ordinal);

    internal static HashSet<string> NamedObjects(VaultRig rig)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        using DbConnection connection = rig.Database.Open();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT sha256 FROM recording_files";
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            named.Add(reader.GetString(0));
        }

        return named;
    }

    internal static List<(string Sha, string Owner, string? Source)> PendingRows(VaultRig rig)
    {
        using DbConnection connection = rig.Database.Open();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT sha256, owner, source_path FROM pending_intakes";
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<(string, string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    // Each file is at its source path with its bytes, or its object is stored with those bytes and a recording's
    // metadata names it, or (only before recovery ran) its object is in the store and the journal names its source path.
    private static void AssertEveryFileAtItsSourceOrStored(VaultRig rig, EvidenceVault vault, Dictionary<string, byte[]> files, string when, bool journaled)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        using (DbConnection connection = rig.Database.Open())
        using (DbCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sha256 FROM recording_files";
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                named.Add(reader.GetString(0));
            }
        }

        foreach ((string path, byte[] bytes) in files)
        {
            string sha = Sha(bytes);
            bool atSource = File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
            bool stored = named.Contains(sha) && vault.Store.Exists(sha) && File.ReadAllBytes(vault.Store.PathOf(sha)).AsSpan().SequenceEqual(bytes);
            bool inFlight = journaled && !stored && vault.Store.Exists(sha) && PendingRows(rig).Any(r => r.Sha == sha && r.Source == Path.GetFullPath(path));
            Assert.True(atSource || stored || inFlight, $"{when}: {path} is neither at its source nor stored nor journaled with its source path");
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
