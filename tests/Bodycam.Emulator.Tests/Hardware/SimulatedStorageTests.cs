using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Moq;
using Xunit;

namespace Bodycam.Emulator.Tests.Hardware;

public class SimulatedStorageTests
{
    private static readonly byte[] s_ten = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

    [Fact]
    public void CutPowerAfter_N_FailsTheNextOperationWithPowerLost()
    {
        var storage = new SimulatedStorage(1000);
        storage.CutPowerAfter(2);
        storage.Create("a");
        storage.Append("a", s_ten, 0, 10);

        var ex = Assert.Throws<StorageException>(() => storage.Flush("a"));

        Assert.Equal(StorageError.PowerLost, ex.Error);
        Assert.False(storage.IsPowered);
        Assert.Throws<StorageException>(() => storage.List());
    }

    [Fact]
    public void Reset_AfterCut_DropsUnflushedBytesAndKeepsFlushedOnes()
    {
        var storage = new SimulatedStorage(1000);
        storage.Create("a");
        storage.Append("a", s_ten, 0, 4);
        storage.Flush("a");
        storage.Append("a", s_ten, 4, 6);

        storage.Reset();

        Assert.Equal(new byte[] { 0, 1, 2, 3 }, storage.ReadAllBytes("a"));
        Assert.True(storage.IsPowered);
    }

    [Fact]
    public void CutPower_TearUnsynced_KeepsAPrefixOfTheUnflushedBytes()
    {
        var storage = new SimulatedStorage(1000, seed: 3) { TornWrites = TornWriteMode.TearUnsynced };
        storage.Create("a");
        storage.Append("a", s_ten, 0, 2);
        storage.Flush("a");
        storage.Append("a", s_ten, 2, 8);

        storage.CutPower();
        storage.Reset();

        byte[] left = storage.ReadAllBytes("a");
        Assert.InRange(left.Length, 2, 10);
        Assert.Equal(s_ten[..left.Length], left);
    }

    [Fact]
    public void Append_InFlightAtTheCutWithKeepUnsynced_LandsAndThrows()
    {
        var storage = new SimulatedStorage(1000) { TornWrites = TornWriteMode.KeepUnsynced };
        storage.Create("a");
        storage.CutPowerAfter(0);

        Assert.Throws<StorageException>(() => storage.Append("a", s_ten, 0, 10));
        storage.Reset();

        Assert.Equal(s_ten, storage.ReadAllBytes("a"));
    }

    [Theory]
    [InlineData(TornWriteMode.KeepUnsynced)]
    [InlineData(TornWriteMode.TearUnsynced)]
    public void Append_AfterThePowerWent_LandsNothing(TornWriteMode mode)
    {
        var storage = new SimulatedStorage(1000, seed: 5) { TornWrites = mode };
        storage.Create("a");
        storage.Append("a", s_ten, 0, 2);
        storage.Flush("a");
        storage.CutPowerAfter(0);
        Assert.Throws<StorageException>(() => storage.Append("a", s_ten, 2, 3));
        long afterCut = storage.ReadAllBytes("a").Length;

        Assert.Throws<StorageException>(() => storage.Append("a", s_ten, 5, 5));
        storage.Reset();

        Assert.Equal(afterCut, storage.ReadAllBytes("a").Length);
    }

    [Fact]
    public void Append_InFlightWithUnflushedBytesBefore_TearsOneContiguousTail()
    {
        for (int seed = 1; seed <= 40; seed++)
        {
            var storage = new SimulatedStorage(1000, seed: seed) { TornWrites = TornWriteMode.TearUnsynced };
            storage.Create("a");
            storage.Append("a", s_ten, 0, 2);
            storage.Flush("a");
            storage.Append("a", s_ten, 2, 4);
            storage.CutPowerAfter(0);

            Assert.Throws<StorageException>(() => storage.Append("a", s_ten, 6, 4));
            storage.Reset();

            byte[] left = storage.ReadAllBytes("a");
            Assert.InRange(left.Length, 2, 10);
            Assert.Equal(s_ten[..left.Length], left);
        }
    }

    [Fact]
    public void CutPowerAtOperation_StaysArmedAcrossAReset()
    {
        var storage = new SimulatedStorage(1000);
        storage.CutPowerAtOperation(2);
        storage.Create("a");
        storage.Reset();
        storage.Append("a", s_ten, 0, 1);

        Assert.Equal(StorageError.PowerLost, Assert.Throws<StorageException>(() => storage.Flush("a")).Error);
        storage.Reset();
        storage.Flush("a");
        Assert.Equal(3, storage.OperationCount);
    }

    [Fact]
    public void OperationCompleted_ReportsEachOperationWithTheFileLength()
    {
        var storage = new SimulatedStorage(1000);
        var seen = new System.Collections.Generic.List<StorageOperation>();
        storage.OperationCompleted += (_, op) => seen.Add(op);
        storage.Create("a");
        storage.Append("a", s_ten, 0, 4);
        storage.Flush("a");
        storage.Truncate("a", 1);
        storage.Delete("a");

        Assert.Equal(
            new[]
            {
                new StorageOperation(1, StorageOperationKind.Create, "a", 0),
                new StorageOperation(2, StorageOperationKind.Append, "a", 4),
                new StorageOperation(3, StorageOperationKind.Flush, "a", 4),
                new StorageOperation(4, StorageOperationKind.Truncate, "a", 1),
                new StorageOperation(5, StorageOperationKind.Delete, "a", 0),
            },
            seen);
    }

    [Fact]
    public void Append_PastCapacity_ThrowsFullAndWritesNothing()
    {
        var storage = new SimulatedStorage(8);
        storage.Create("a");

        var ex = Assert.Throws<StorageException>(() => storage.Append("a", s_ten, 0, 10));

        Assert.Equal(StorageError.Full, ex.Error);
        Assert.Equal(0, storage.GetLength("a"));
        Assert.Equal(8, storage.ReadFreeBytes());
    }

    [Fact]
    public void FailWritesAfter_InjectsTheError()
    {
        var storage = new SimulatedStorage(1000);
        storage.Create("a");
        storage.FailWritesAfter(StorageError.IoError, 1);
        storage.Append("a", s_ten, 0, 1);

        var ex = Assert.Throws<StorageException>(() => storage.Flush("a"));

        Assert.Equal(StorageError.IoError, ex.Error);
    }

    [Fact]
    public void CutPowerAt_ClockReachesTheTime_CutsAtTheNextOperation()
    {
        var clock = new Mock<IClock>(MockBehavior.Strict);
        long now = 0;
        clock.Setup(c => c.ReadMilliseconds()).Returns(() => now);
        var storage = new SimulatedStorage(1000, clock.Object);
        storage.CutPowerAt(500);
        storage.Create("a");
        now = 500;

        Assert.Throws<StorageException>(() => storage.Append("a", s_ten, 0, 1));
        Assert.False(storage.IsPowered);
    }

    [Fact]
    public void Operations_OnMissingOrExistingFiles_ThrowTypedErrors()
    {
        var storage = new SimulatedStorage(1000);
        storage.Create("a");

        Assert.Equal(StorageError.AlreadyExists, Assert.Throws<StorageException>(() => storage.Create("a")).Error);
        Assert.Equal(StorageError.NotFound, Assert.Throws<StorageException>(() => storage.GetLength("b")).Error);
    }

    [Fact]
    public void Directory_FlushedData_SurvivesANewInstance()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var storage = new SimulatedStorage(dir, 1000);
            storage.Create("a");
            storage.Append("a", s_ten, 0, 10);
            storage.Flush("a");
            storage.Append("a", s_ten, 0, 5);
            storage.Truncate("a", 7);

            var again = new SimulatedStorage(dir, 1000);

            Assert.Equal(s_ten[..7], again.ReadAllBytes("a"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Read_LargeFileAcrossChunks_ReturnsTheBytes()
    {
        var storage = new SimulatedStorage(1 << 20);
        storage.Create("a");
        byte[] big = new byte[200_000];
        new SimulatedRandom(1).Fill(big, 0, big.Length);
        storage.Append("a", big, 0, big.Length);
        byte[] part = new byte[70_000];

        int n = storage.Read("a", 60_000, part, 0, part.Length);

        Assert.Equal(part.Length, n);
        Assert.Equal(big[60_000..130_000], part);
    }

    [Fact]
    public void TruncateThenAppend_AcrossChunks_KeepsTheBytesInOrder()
    {
        var storage = new SimulatedStorage(1 << 24);
        storage.Create("a");
        byte[] first = new byte[300_000];
        byte[] second = new byte[250_000];
        new SimulatedRandom(2).Fill(first, 0, first.Length);
        new SimulatedRandom(3).Fill(second, 0, second.Length);
        storage.Append("a", first, 0, first.Length);

        storage.Truncate("a", 100_000);
        storage.Append("a", second, 0, second.Length);

        Assert.Equal([.. first[..100_000], .. second], storage.ReadAllBytes("a"));
    }
}
