using Bodycam.Emulator.Board;
using Bodycam.Firmware.Persistence;
using Xunit;

namespace Bodycam.Firmware.Tests.Persistence;

public class SignedCopyStoreTests
{
    private const string Label = "TEST-LABEL-V1";

    private readonly SimulatedStorage _storage = new(1L << 30);
    private readonly SimulatedCryptoEngine _crypto = new();
    private readonly SimulatedSecureElement _secureElement = SimulatedSecureElement.Create(new SimulatedRandom(4));

    [Fact]
    public void Write_TwoRecords_AlternateBetweenTheTwoSlots()
    {
        SignedCopyStore store = New();

        WriteRecord(store, 1, 2, 3);
        int first = store.CurrentSlot;
        WriteRecord(store, 4, 5, 6);

        Assert.Equal(0, first);
        Assert.Equal(1, store.CurrentSlot);
        Assert.True(store.Exists(0));
        Assert.True(store.Exists(1));
    }

    [Fact]
    public void Read_ACopyThisDeviceWrote_VerifiesAndHoldsTheRecordWithoutTheLabel()
    {
        WriteRecord(New(), 7, 8, 9);
        SignedCopyStore reader = New();
        reader.LoadDeviceKey();

        int length = reader.Read(0, 1 + SignedCopyStore.SignatureSize);

        Assert.Equal(3 + SignedCopyStore.SignatureSize, length);
        Assert.True(reader.Verify(length));
        Assert.Equal(new byte[] { 7, 8, 9 }, reader.Buffer[reader.RecordOffset..(reader.RecordOffset + 3)]);
        Assert.Equal(3 + SignedCopyStore.SignatureSize, _storage.ReadAllBytes("test.0").Length);
    }

    [Fact]
    public void Verify_ACopyChangedOnTheCard_Fails()
    {
        WriteRecord(New(), 7, 8, 9);
        byte[] copy = _storage.ReadAllBytes("test.0");
        copy[1] ^= 1;
        _storage.WriteAllBytes("test.0", copy);
        SignedCopyStore reader = New();
        reader.LoadDeviceKey();

        int length = reader.Read(0, 1 + SignedCopyStore.SignatureSize);

        Assert.False(reader.Verify(length));
    }

    [Fact]
    public void Verify_ACopySignedByAnotherDevice_Fails()
    {
        WriteRecord(New(), 7, 8, 9);
        SignedCopyStore reader = new(_storage, _crypto, SimulatedSecureElement.Create(new SimulatedRandom(5)), Label, "test", 16);
        reader.LoadDeviceKey();

        int length = reader.Read(0, 1 + SignedCopyStore.SignatureSize);

        Assert.False(reader.Verify(length));
    }

    [Fact]
    public void Read_AFileShorterThanTheMinimumOrLongerThanTheBuffer_IsRefused()
    {
        _storage.WriteAllBytes("test.0", new byte[10]);
        _storage.WriteAllBytes("test.1", new byte[16 + SignedCopyStore.SignatureSize + 1]);
        SignedCopyStore reader = New();

        Assert.Equal(-1, reader.Read(0, 11));
        Assert.Equal(-1, reader.Read(1, 1));
    }

    private SignedCopyStore New()
    {
        return new SignedCopyStore(_storage, _crypto, _secureElement, Label, "test", 16);
    }

    private static void WriteRecord(SignedCopyStore store, params byte[] record)
    {
        record.CopyTo(store.Buffer, store.RecordOffset);
        store.Write(record.Length);
    }
}
