using System;
using System.Linq;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Firmware.Tests.Recording;
using Xunit;

namespace Bodycam.Firmware.Tests.Storage;

public class RecordingStoreTests
{
    [Fact]
    public void ReadAvailableBytes_FreeSpaceLessReserve_NeverNegative()
    {
        var storage = new SimulatedStorage(100_000);
        using var rig = new WriterRig(storage, reserve: 30_000);

        Assert.Equal(70_000, rig.Store.ReadAvailableBytes());
        storage.CapacityBytes = 20_000;
        Assert.Equal(0, rig.Store.ReadAvailableBytes());
    }

    [Fact]
    public void ListRecordings_TwoClosedRecordings_GivesFilesSizesAndState()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string a = rig.Record(2000);
        string b = rig.Record(3000, start: 9000);

        RecordingInfo[] list = rig.Store.ListRecordings().OrderBy(r => r.RecordingId == a ? 0 : 1).ToArray();

        Assert.Equal(new[] { a, b }, list.Select(r => r.RecordingId));
        Assert.All(list, r => Assert.Equal(RecordingState.Closed, r.State));
        Assert.Equal(storage.GetLength(RecordingFormat.FileName(a, 0)), list[0].TotalBytes);
        Assert.Equal(new[] { RecordingFormat.FileName(b, 0) }, list[1].FileNames);
        Assert.False(list[0].ClockSynchronised);
    }

    [Fact]
    public void ListFiles_ContinuedRecording_InContinuationOrder()
    {
        var options = new RecordingWriterOptions { SegmentMaxBytes = 2048, FileMaxBytes = 16_000 };
        using var rig = new WriterRig(options: options);
        string id = rig.Record(12_000, size: 400);

        string[] files = rig.Store.ListFiles(id);

        Assert.True(files.Length >= 3);
        Assert.Equal(Enumerable.Range(0, files.Length).Select(i => RecordingFormat.FileName(id, i)), files);
        Assert.Equal(files.Length, rig.Writer.FileCount);
    }

    [Fact]
    public void ListRecordings_WhileRecording_IsOpenAndNotRecovered()
    {
        using var rig = new WriterRig();
        string id = rig.Record(2000, end: false);

        Assert.Equal(RecordingState.Open, rig.Store.ListRecordings().Single().State);
        Assert.Empty(rig.Store.RecoverInterrupted());
        Assert.Equal(id, rig.Store.OpenRecordingId);
    }

    [Fact]
    public void RecoverInterrupted_AbortedRecording_ClosesItOnce()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();
        string name = RecordingFormat.FileName(id, 0);
        long before = storage.GetLength(name);
        Assert.Equal(RecordingState.Interrupted, rig.Store.ListRecordings().Single().State);

        string[] recovered = rig.Store.RecoverInterrupted();

        Assert.Equal(new[] { id }, recovered);
        Assert.Equal(RecordingState.Recovered, rig.Store.ListRecordings().Single().State);
        Assert.Equal(before + RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryBodySize, storage.GetLength(name));
        Assert.Empty(rig.Store.RecoverInterrupted());
    }

    [Fact]
    public void RecoverInterrupted_TornRecord_TruncatesToTheLastCompleteRecord()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();
        string name = RecordingFormat.FileName(id, 0);
        long complete = storage.GetLength(name);
        storage.Append(name, new byte[] { 1, 0, 0, 2, 0, 9, 9, 9 }, 0, 8);

        rig.Store.RecoverInterrupted();

        byte[] file = storage.ReadAllBytes(name);
        Assert.Equal(complete + 5 + RecordingFormat.RecoveryBodySize, file.Length);
        Assert.Equal(RecordingFormat.RecordRecoveryClose, file[complete]);
        Assert.Equal(8, (int)BigEndianInt64(file, (int)complete + 5 + 8));
    }

    [Fact]
    public void RecoverInterrupted_HeaderNeverLanded_LeavesTheFileDamagedAndUntouched()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string name = RecordingFormat.FileName(new string('a', 32), 0);
        storage.WriteAllBytes(name, new byte[] { (byte)'B', (byte)'C', (byte)'A' });

        Assert.Empty(rig.Store.RecoverInterrupted());

        Assert.Equal(3, storage.GetLength(name));
        Assert.Equal(RecordingState.Damaged, rig.Store.ListRecordings().Single().State);
    }

    [Fact]
    public void RecoverInterrupted_CorruptRecordType_LeavesTheFileForTheHost()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();
        string name = RecordingFormat.FileName(id, 0);
        byte[] file = storage.ReadAllBytes(name);
        int firstRecord = (int)((file[8] << 24) | (file[9] << 16) | (file[10] << 8) | file[11]);
        file[firstRecord] = 9;
        storage.WriteAllBytes(name, file);

        Assert.Empty(rig.Store.RecoverInterrupted());
        Assert.Equal(file, storage.ReadAllBytes(name));
    }

    [Fact]
    public void DeleteOffloaded_ClosedRecording_DeletesAllItsFiles()
    {
        var options = new RecordingWriterOptions { SegmentMaxBytes = 2048, FileMaxBytes = 16_000 };
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage, options);
        string id = rig.Record(8000, size: 400);
        string keep = rig.Record(1000, start: 20_000);
        int files = rig.Store.ListFiles(id).Length;

        Assert.Equal(files, rig.Store.DeleteOffloaded(id));

        Assert.Equal(new[] { keep }, rig.Store.ListRecordings().Select(r => r.RecordingId));
    }

    [Fact]
    public void DeleteOffloaded_OpenRecording_IsRefused()
    {
        using var rig = new WriterRig();
        string id = rig.Record(1000, end: false);

        Assert.Throws<InvalidOperationException>(() => rig.Store.DeleteOffloaded(id));
        Assert.Single(rig.Store.ListFiles(id));
    }

    [Fact]
    public void DeleteOffloaded_UnknownRecording_ThrowsNotFound()
    {
        using var rig = new WriterRig();

        var ex = Assert.Throws<StorageException>(() => rig.Store.DeleteOffloaded(new string('0', 32)));

        Assert.Equal(StorageError.NotFound, ex.Error);
    }

    [Fact]
    public void ReadFile_Range_ReturnsTheStoredBytes()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(1000);
        string name = rig.Store.ListFiles(id)[0];
        byte[] buffer = new byte[20];

        int n = rig.Store.ReadFile(name, 6, buffer, 2, 10);

        Assert.Equal(10, n);
        Assert.Equal(storage.ReadAllBytes(name).Skip(6).Take(10), buffer.Skip(2).Take(10));
        Assert.Equal(storage.GetLength(name), rig.Store.GetFileLength(name));
        Assert.Throws<StorageException>(() => rig.Store.ReadFile("audit.log", 0, buffer, 0, 1));
    }

    private static long BigEndianInt64(byte[] b, int o)
    {
        long v = 0;
        for (int i = 0; i < 8; i++)
        {
            v = (v << 8) | b[o + i];
        }

        return v;
    }
}
