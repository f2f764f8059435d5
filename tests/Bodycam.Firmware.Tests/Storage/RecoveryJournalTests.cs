using System;
using System.Linq;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Firmware.Tests.Recording;
using Bodycam.Sdk.Recording;
using Xunit;
using SdkCloseReason = Bodycam.Sdk.Recording.RecordingCloseReason;

namespace Bodycam.Firmware.Tests.Storage;

/// <summary>
/// Boot recovery closes only the device's own interrupted files (docs/recording-format.md §5): those in the journal of
/// open files whose header hash and open record match; everything else without a close is foreign and untouched.
/// </summary>
public class RecoveryJournalTests
{
    [Fact]
    public void Begin_CommitsTheFileToTheJournalBeforeWritingIt_AndEndRemovesIt()
    {
        using var rig = new WriterRig();
        bool fileExistedAtCommit = true;
        rig.Internal.OperationCompleted += (_, op) =>
        {
            if (op.Kind == Bodycam.Emulator.Board.StorageOperationKind.Flush && rig.Store.Journal.Count == 1)
            {
                fileExistedAtCommit = rig.Storage.List().Any(n => n.EndsWith(RecordingFormat.FileExtension, StringComparison.Ordinal));
            }
        };

        string id = rig.Record(2000, end: false);

        Assert.False(fileExistedAtCommit);
        Assert.Equal(1, rig.Store.Journal.Count);
        Assert.Equal(RecordingFormat.FileName(id, 0), rig.Store.Journal.NameAt(0));
        rig.Writer.End(5000);
        Assert.Equal(0, rig.Store.Journal.Count);
    }

    [Fact]
    public void OpenSequence_IncreasesAcrossFilesAndSurvivesAReload()
    {
        var options = new RecordingWriterOptions { SegmentMaxBytes = 2048, FileMaxBytes = 16_000, CheckpointInterval = 3 };
        using var rig = new WriterRig(options: options);
        string a = rig.Record(12_000, size: 400);
        var reloaded = new RecordingJournal(rig.Internal, rig.Crypto, rig.SecureElement);
        Assert.True(reloaded.Load());

        uint[] sequences = rig.Store.ListFiles(a).Select(f => VerifyFile(rig, f).OpenSequence!.Value).ToArray();

        Assert.True(sequences.Length >= 3);
        Assert.Equal(Enumerable.Range(1, sequences.Length).Select(i => (uint)i), sequences);
        Assert.Equal((uint)sequences.Length + 1, reloaded.NextSequence);
    }

    [Fact]
    public void Recover_JournalledInterruptedFile_ClosesItAndTheSdkVerifiesIt()
    {
        using var rig = new WriterRig();
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();

        Assert.Equal(new[] { id }, rig.Store.RecoverInterrupted());

        Assert.Empty(rig.Store.ForeignFiles);
        Assert.Equal(0, rig.Store.Journal.Count);
        RecordingResult result = VerifyFile(rig, RecordingFormat.FileName(id, 0));
        Assert.Equal(RecordingStatus.ClosedByRecovery, result.Status);
        Assert.Equal(2, result.Version);
        Assert.True(result.DeviceSigned);
    }

    [Fact]
    public void Recover_HeaderWrittenOpenRecordTorn_WritesTheOpenRecordFromTheJournal()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, start: 4000, end: false);
        rig.Writer.Abort();
        string name = RecordingFormat.FileName(id, 0);
        int header = HeaderLength(storage.ReadAllBytes(name));
        storage.Truncate(name, header + 40);

        Assert.Equal(new[] { id }, rig.Store.RecoverInterrupted());

        RecordingResult result = VerifyFile(rig, name);
        Assert.Equal(RecordingStatus.ClosedByRecovery, result.Status);
        // Times in a file count from the recording's start (here the press: no pre-record), never from power-on.
        Assert.Equal(0, result.PressMonotonicMilliseconds);
        Assert.Equal(1u, result.OpenSequence);
        Assert.Equal(40, result.BytesCut);
        Assert.Equal(0, result.SegmentCount);
    }

    [Fact]
    public void Recover_ForgedFileWrittenWithoutTheDeviceKey_IsForeignUntouchedAndNotDeviceSigned()
    {
        var card = new SimulatedStorage(1 << 24);
        using var device = new WriterRig(card);
        using (var host = new WriterRig(card, keySeed: 99))
        {
            // A host with its own key and journal writes a file onto the device's card and leaves it open.
            string forged = host.Record(2500, end: false);
            host.Writer.Abort();
            string name = RecordingFormat.FileName(forged, 0);
            byte[] before = card.ReadAllBytes(name);

            Assert.Empty(device.Store.RecoverInterrupted());

            Assert.Equal(new[] { name }, device.Store.ForeignFiles);
            Assert.Equal(before, card.ReadAllBytes(name));
            RecordingResult result = VerifyFile(device, name);
            Assert.False(result.DeviceSigned);
            Assert.NotEqual(RecordingStatus.ClosedByRecovery, result.Status);
        }
    }

    [Fact]
    public void Recover_ShortenedFinishedRecording_IsForeignUntouchedAndNeverReclosed()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(18_000);
        string name = RecordingFormat.FileName(id, 0);
        byte[] whole = storage.ReadAllBytes(name);
        byte[] cut = whole[..RecordEnd(whole, 6)];
        storage.WriteAllBytes(name, cut);

        Assert.Empty(rig.Store.RecoverInterrupted());

        Assert.Equal(new[] { name }, rig.Store.ForeignFiles);
        Assert.Equal(cut, storage.ReadAllBytes(name));
        RecordingResult result = VerifyFile(rig, name);
        Assert.Equal(RecordingStatus.Truncated, result.Status);
        Assert.Null(result.CloseReason);
    }

    [Fact]
    public void Recover_MalformedHeaderOnTheCard_IsForeignAndUntouched()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();
        string name = RecordingFormat.FileName(id, 0);
        byte[] file = storage.ReadAllBytes(name);
        file[HeaderLength(file) - 1] ^= 0x55; // a byte of the last stanza: the header hash no longer matches the journal
        storage.WriteAllBytes(name, file);
        string garbage = RecordingFormat.FileName(new string('b', 32), 0);
        storage.WriteAllBytes(garbage, new byte[] { (byte)'B', (byte)'C', (byte)'A', (byte)'M' });

        Assert.Empty(rig.Store.RecoverInterrupted());

        Assert.Equal(new[] { garbage, name }.OrderBy(n => n), rig.Store.ForeignFiles.OrderBy(n => n));
        Assert.Equal(file, storage.ReadAllBytes(name));
        Assert.Equal(1, rig.Store.Journal.Count); // the device's own file may still be on another card
    }

    [Fact]
    public void Recover_Version1FileWithoutClose_IsForeign()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();
        string name = RecordingFormat.FileName(id, 0);
        byte[] file = storage.ReadAllBytes(name);
        file[7] = 1;
        storage.WriteAllBytes(name, file);

        Assert.Empty(rig.Store.RecoverInterrupted());

        Assert.Equal(new[] { name }, rig.Store.ForeignFiles);
        Assert.Equal(file, storage.ReadAllBytes(name));
    }

    [Fact]
    public void Recover_ClosedFileStillInTheJournal_IsNotClosedAgain()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, end: false);
        string name = RecordingFormat.FileName(id, 0);
        byte[] hash = HeaderHash(storage.ReadAllBytes(name));
        rig.Writer.End(3000);
        rig.Store.CommitOpen(name, hash, 1000, string.Empty); // as if the power went between the close and the removal
        byte[] closed = storage.ReadAllBytes(name);

        Assert.Empty(rig.Store.RecoverInterrupted());

        Assert.Equal(closed, storage.ReadAllBytes(name));
        Assert.Empty(rig.Store.ForeignFiles);
        Assert.Equal(0, rig.Store.Journal.Count);
    }

    [Fact]
    public void Recover_CardSwappedAndBack_ClosesTheFileWhenItsCardReturns()
    {
        var cardA = new SimulatedStorage(1 << 24);
        var cardB = new SimulatedStorage(1 << 24);
        var swap = new SwappableStorage(cardA);
        using var rig = new WriterRig(swap);
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();
        string name = RecordingFormat.FileName(id, 0);

        // Card B carries a file with the same name but other bytes: foreign; the journal entry stays.
        cardB.WriteAllBytes(name, cardA.ReadAllBytes(name)[..HeaderLength(cardA.ReadAllBytes(name))]);
        cardB.Append(name, new byte[] { 1, 2, 3 }, 0, 3);
        byte[] b = cardB.ReadAllBytes(name);
        b[20] ^= 1;
        cardB.WriteAllBytes(name, b);
        swap.Card = cardB;
        Assert.Empty(rig.Store.RecoverInterrupted());
        Assert.Equal(new[] { name }, rig.Store.ForeignFiles);
        Assert.Equal(1, rig.Store.Journal.Count);

        swap.Card = cardA;
        Assert.Equal(new[] { id }, rig.Store.RecoverInterrupted());
        Assert.Equal(RecordingStatus.ClosedByRecovery, VerifyFile(rig, name).Status);
    }

    [Fact]
    public void Journal_NewestCopyTorn_TheOtherCopyIsInForce()
    {
        var internalStorage = new SimulatedStorage(1 << 20);
        using var rig = new WriterRig();
        var journal = new RecordingJournal(internalStorage, rig.Crypto, rig.SecureElement);
        journal.Load();
        byte[] hash = new byte[32];
        hash[0] = 7;
        string first = RecordingFormat.FileName(new string('1', 32), 0);
        string second = RecordingFormat.FileName(new string('2', 32), 0);
        journal.Commit(first, hash, 10, string.Empty);
        journal.Commit(second, hash, 20, string.Empty);
        string newest = internalStorage.List().OrderByDescending(n => internalStorage.GetLength(n)).First();
        internalStorage.Truncate(newest, internalStorage.GetLength(newest) - 3);

        var reloaded = new RecordingJournal(internalStorage, rig.Crypto, rig.SecureElement);
        Assert.True(reloaded.Load());

        Assert.Equal(1, reloaded.Count);
        Assert.Equal(first, reloaded.NameAt(0));
        Assert.Equal(10, reloaded.PressTimeAt(0));
        Assert.True(reloaded.HeaderHashEquals(0, hash, 0));
        Assert.Equal(2u, reloaded.NextSequence);
    }

    [Fact]
    public void Journal_CopyEditedOutsideTheFirmware_DoesNotVerify()
    {
        var internalStorage = new SimulatedStorage(1 << 20);
        using var rig = new WriterRig();
        var journal = new RecordingJournal(internalStorage, rig.Crypto, rig.SecureElement);
        journal.Load();
        journal.Commit(RecordingFormat.FileName(new string('1', 32), 0), new byte[32], 10, string.Empty);
        string copy = internalStorage.List().Single();
        byte[] bytes = internalStorage.ReadAllBytes(copy);
        bytes[20] ^= 1;
        internalStorage.WriteAllBytes(copy, bytes);

        var reloaded = new RecordingJournal(internalStorage, rig.Crypto, rig.SecureElement);

        Assert.False(reloaded.Load());
        Assert.Equal(0, reloaded.Count);
    }

    [Fact]
    public void Journal_Full_DropsTheOldestEntry()
    {
        var internalStorage = new SimulatedStorage(1 << 20);
        using var rig = new WriterRig();
        var journal = new RecordingJournal(internalStorage, rig.Crypto, rig.SecureElement);
        journal.Load();
        for (int i = 0; i <= RecordingJournal.Capacity; i++)
        {
            journal.Commit(RecordingFormat.FileName(i.ToString("x32"), 0), new byte[32], i, string.Empty);
        }

        Assert.Equal(RecordingJournal.Capacity, journal.Count);
        Assert.Equal(-1, journal.IndexOf(RecordingFormat.FileName(0.ToString("x32"), 0)));
        Assert.Equal(1, journal.PressTimeAt(0));
    }

    internal static RecordingResult VerifyFile(WriterRig rig, string name)
    {
        byte[] key = new byte[32];
        rig.SecureElement.ReadDevicePublicKey(key, 0);
        return new RecordingReader(Read(rig.Storage, name)).Verify(key);
    }

    private static byte[] Read(IFileStorage storage, string name)
    {
        byte[] bytes = new byte[storage.GetLength(name)];
        int done = 0;
        while (done < bytes.Length)
        {
            done += storage.Read(name, done, bytes, done, bytes.Length - done);
        }

        return bytes;
    }

    private static int HeaderLength(byte[] file)
    {
        return (file[8] << 24) | (file[9] << 16) | (file[10] << 8) | file[11];
    }

    // The end of record n (0-based) after the header.
    private static int RecordEnd(byte[] file, int n)
    {
        int pos = HeaderLength(file);
        for (int i = 0; i <= n; i++)
        {
            int body = (file[pos + 1] << 24) | (file[pos + 2] << 16) | (file[pos + 3] << 8) | file[pos + 4];
            pos += 5 + body;
        }

        return pos;
    }

    private static byte[] HeaderHash(byte[] file)
    {
        return System.Security.Cryptography.SHA256.HashData(file.AsSpan(0, HeaderLength(file)));
    }

    /// <summary>A card slot: the storage calls go to whichever card is in it.</summary>
    private sealed class SwappableStorage : IFileStorage
    {
        public SwappableStorage(IFileStorage card)
        {
            Card = card;
        }

        public IFileStorage Card { get; set; }

        public string[] List() => Card.List();

        public bool Exists(string name) => Card.Exists(name);

        public void Create(string name) => Card.Create(name);

        public void Append(string name, byte[] buffer, int offset, int count) => Card.Append(name, buffer, offset, count);

        public void Flush(string name) => Card.Flush(name);

        public int Read(string name, long position, byte[] buffer, int offset, int count) => Card.Read(name, position, buffer, offset, count);

        public long GetLength(string name) => Card.GetLength(name);

        public void Truncate(string name, long length) => Card.Truncate(name, length);

        public void Delete(string name) => Card.Delete(name);

        public long ReadFreeBytes() => Card.ReadFreeBytes();

        public long ReadCapacityBytes() => Card.ReadCapacityBytes();
    }
}
