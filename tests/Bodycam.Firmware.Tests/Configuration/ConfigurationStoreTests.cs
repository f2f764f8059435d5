using System.Text;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.StateMachine;
using Bodycam.Firmware.Tests.StateMachine;
using Bodycam.Testing.Dock;
using Xunit;

namespace Bodycam.Firmware.Tests.Configuration;

public class ConfigurationStoreTests
{
    private readonly SimulatedStorage _storage = new(1L << 30);
    private readonly SimulatedCryptoEngine _crypto = new();
    private readonly SimulatedSecureElement _secureElement = SimulatedSecureElement.Create(new SimulatedRandom(4));

    [Fact]
    public void TryApply_Docked_StoresTheDocument_AndTheNextBootLoadsIt()
    {
        ConfigurationStore store = Docked();

        bool applied = Push(store, 5, "version=1\npre-record-window-ms=20000\n");
        var reloaded = new DeviceConfiguration { PreRecordArenaBytes = 1 << 20 };
        ConfigurationStore next = new(_storage, _crypto, _secureElement);
        next.Load(reloaded);

        Assert.True(applied);
        Assert.Equal(5, store.AppliedSequence);
        Assert.Equal(5, next.AppliedSequence);
        Assert.Equal(20000, reloaded.PreRecordWindowMilliseconds);
        Assert.Equal(1 << 20, reloaded.PreRecordArenaBytes);
        Assert.False(next.FoundDamage);
    }

    [Fact]
    public void TryApply_SecondDocument_ReplacesTheFirstAfterReboot()
    {
        ConfigurationStore store = Docked();
        Push(store, 1, "version=1\nstop-hold-ms=2000\n");
        Push(store, 2, "version=1\nreminder-interval-ms=60000\n");

        var reloaded = new DeviceConfiguration();
        ConfigurationStore next = new(_storage, _crypto, _secureElement);
        next.Load(reloaded);

        Assert.Equal(2, next.AppliedSequence);
        Assert.Equal(60000, reloaded.ReminderIntervalMilliseconds);
        Assert.Equal(3000, reloaded.StopHoldMilliseconds);
    }

    [Fact]
    public void TryApply_InvalidDocument_StoresNothingAndNamesTheField()
    {
        ConfigurationStore store = Docked();
        Push(store, 1, "version=1\nstop-hold-ms=2000\n");

        bool applied = Push(store, 2, "version=1\nstop-hold-ms=2500\nrecord-always=1\n");
        var reloaded = new DeviceConfiguration();
        new ConfigurationStore(_storage, _crypto, _secureElement).Load(reloaded);

        Assert.False(applied);
        Assert.Equal("record-always", store.LastError!.Field);
        Assert.Equal(1, store.AppliedSequence);
        Assert.Equal(2000, reloaded.StopHoldMilliseconds);
    }

    [Fact]
    public void TryApply_WindowShorterThanTheBoardsKeyFrameInterval_IsRejected_TheIntervalItselfIsAccepted()
    {
        ConfigurationStore store = Docked();
        store.CameraKeyFrameIntervalMilliseconds = 5000;

        bool rejected = Push(store, 1, "version=1\npre-record-window-ms=4000\n");
        bool accepted = Push(store, 2, "version=1\npre-record-window-ms=5000\n");

        Assert.False(rejected);
        Assert.True(accepted);
        Assert.Equal(2, store.AppliedSequence);
    }

    [Fact]
    public void TryApply_WindowShorterThanTheBoardsKeyFrameInterval_ErrorNamesBoth()
    {
        ConfigurationStore store = Docked();
        store.CameraKeyFrameIntervalMilliseconds = 5000;

        Assert.False(Push(store, 1, "version=1\npre-record-window-ms=4000\n"));

        Assert.Equal("pre-record-window-ms", store.LastError!.Field);
        Assert.Equal("CameraKeyFrameIntervalMilliseconds", store.LastError.OtherField);
        Assert.Equal(0, store.AppliedSequence);
        Assert.Empty(_storage.List());
    }

    [Fact]
    public void TryApply_NotDocked_IsRefused()
    {
        var harness = new DeviceHarness();
        DeviceCore core = harness.Boot();
        harness.Advance(100);
        ConfigurationStore store = new(_storage, _crypto, _secureElement);
        store.Load(new DeviceConfiguration());
        store.Attach(new DeviceCoreDockStatus(core, "BC-TEST", "test"));

        bool applied = Push(store, 1, "version=1\nstop-hold-ms=2000\n");

        Assert.False(applied);
        Assert.Equal(ConfigurationError.NotDocked, store.LastError!.Reason);
        Assert.Empty(_storage.List());
    }

    [Fact]
    public void Load_CopyEditedOnTheCard_IsIgnored()
    {
        Push(Docked(), 1, "version=1\nstop-hold-ms=2000\n");
        string name = _storage.List()[0];
        byte[] copy = _storage.ReadAllBytes(name);
        int at = Encoding.ASCII.GetString(copy).IndexOf("2000", System.StringComparison.Ordinal);
        copy[at] = (byte)'9';
        _storage.WriteAllBytes(name, copy);

        var reloaded = new DeviceConfiguration();
        ConfigurationStore next = new(_storage, _crypto, _secureElement);
        next.Load(reloaded);

        Assert.True(next.FoundDamage);
        Assert.Equal(0, next.AppliedSequence);
        Assert.Equal(3000, reloaded.StopHoldMilliseconds);
    }

    private ConfigurationStore Docked()
    {
        var harness = new DeviceHarness();
        DeviceCore core = harness.Boot();
        harness.Advance(100);
        core.EnqueueDockDetect(true, harness.Clock.Now);
        harness.Advance(100);
        Assert.Equal(DeviceState.Docked, core.State);
        ConfigurationStore store = new(_storage, _crypto, _secureElement);
        store.Load(new DeviceConfiguration());
        store.Attach(new DeviceCoreDockStatus(core, "BC-TEST", "test"));
        return store;
    }

    private static bool Push(ConfigurationStore store, long sequence, string document)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(document);
        return store.TryApply(sequence, bytes, 0, bytes.Length);
    }
}
