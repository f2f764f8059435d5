using System;
using System.Linq;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Boot;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;
using Bodycam.Firmware.Storage;
using Bodycam.Firmware.Tests.Recording;
using Bodycam.Firmware.Tests.StateMachine;
using Moq;
using Xunit;

namespace Bodycam.Firmware.Tests.Boot;

public class DeviceBuilderTests
{
    [Fact]
    public void Build_AllParts_GivesAnUnbootedCoreWithTheDockServiceAndATrail()
    {
        using var rig = new WriterRig();
        DeviceBuilder builder = BuilderOn(rig);

        DeviceAssembly device = builder.Build();

        Assert.Equal(DeviceState.Off, device.Core.State);
        Assert.NotNull(device.DockService);
        Assert.Same(device.AuditTrail, device.Audit);
        Assert.True(rig.Storage.Exists(DeviceBuilder.AuditFileName));
        Assert.Empty(device.RecoveredRecordingIds);
        Assert.Null(device.RecoveryError);
    }

    [Fact]
    public void Build_MissingPart_ThrowsNamingIt()
    {
        using var rig = new WriterRig();
        var parts = PartsOn(rig);
        parts.DockChannel = null;

        var e = Assert.Throws<ArgumentException>(() => new DeviceBuilder(parts).Build());

        Assert.Contains("DockChannel", e.Message);
    }

    [Fact]
    public void Build_Budget_SizesTheRingFromTheWindow()
    {
        using var rig = new WriterRig();
        DeviceBuilder builder = BuilderOn(rig);
        builder.Configuration.PreRecordWindowMilliseconds = 10000;
        builder.Budget = new PreRecordBudget
        {
            VideoBytesPerSecond = 500000,
            AudioBytesPerSecond = 32000,
            FramesPerSecond = 40,
            LargestFrameBytes = 100000,
        };

        DeviceAssembly device = builder.Build();

        // (500,000 + 32,000) B/s x 12 s x 5/4 + 2 x 100,000 + 256 KiB; (40 x 12 x 5/4) + 64 entries.
        Assert.Equal((532000L * 12 * 5 / 4) + 200000 + 262144, device.Core.Configuration.PreRecordArenaBytes);
        Assert.Equal(664, device.Core.Configuration.PreRecordFrameCapacity);
        Assert.Equal(device.Core.Configuration.PreRecordArenaBytes, device.Core.PreRecord.ArenaBytes);
    }

    [Fact]
    public void Build_WindowZero_AllocatesNoRing()
    {
        using var rig = new WriterRig();
        DeviceBuilder builder = BuilderOn(rig);
        builder.Configuration.PreRecordWindowMilliseconds = 0;
        builder.Budget = new PreRecordBudget
        {
            VideoBytesPerSecond = 500000,
            FramesPerSecond = 40,
            LargestFrameBytes = 100000,
        };

        DeviceAssembly device = builder.Build();

        Assert.Equal(PreRecordBudget.MinimumArenaBytes, device.Core.Configuration.PreRecordArenaBytes);
        Assert.Equal(0, device.Core.PreRecord.ArenaBytes);
        Assert.Equal(0, device.Core.PreRecord.FrameCapacity);
    }

    [Fact]
    public void Build_WindowShorterThanTheCameraKeyFrameInterval_IsAConfigurationErrorNamingBoth()
    {
        using var rig = new WriterRig();
        DeviceBuilder builder = BuilderOn(rig);
        builder.Configuration.CameraKeyFrameIntervalMilliseconds = 4000;
        builder.Configuration.PreRecordWindowMilliseconds = 3000;
        builder.Budget = new PreRecordBudget { VideoBytesPerSecond = 500000, FramesPerSecond = 40, LargestFrameBytes = 100000 };

        var ex = Assert.Throws<ConfigurationException>(() => builder.Build());

        Assert.Equal("PreRecordWindowMilliseconds", ex.Field);
        Assert.Equal("CameraKeyFrameIntervalMilliseconds", ex.OtherField);
    }

    [Fact]
    public void Apply_ArenaAboveTheBoardLimit_IsCappedAtTheLimit()
    {
        var configuration = new DeviceConfiguration { PreRecordWindowMilliseconds = 120000 };
        var budget = new PreRecordBudget
        {
            VideoBytesPerSecond = 1000000,
            FramesPerSecond = 30,
            LargestFrameBytes = 262144,
            ArenaLimitBytes = 20000000,
        };

        budget.Apply(configuration);

        Assert.Equal(20000000, configuration.PreRecordArenaBytes);
    }

    [Fact]
    public void Build_InterruptedRecording_IsRecoveredWithAnAuditRecord()
    {
        var storage = new SimulatedStorage(1 << 24);
        using var rig = new WriterRig(storage);
        string id = rig.Record(2500, end: false);
        rig.Writer.Abort();

        DeviceAssembly device = BuilderOn(rig).Build();

        Assert.Equal(new[] { id }, device.RecoveredRecordingIds);
        Assert.Equal(RecordingState.Recovered, device.RecordingStore.ListRecordings().Single().State);
        Assert.Equal(1, device.AuditTrail.Count);
    }

    [Fact]
    public void Build_HooksWrapTheAuditAndTheWriter()
    {
        using var rig = new WriterRig();
        var hooks = new Mock<IDeviceAssemblyHooks>(MockBehavior.Strict);
        var audit = new FakeAuditLog();
        var sink = new FakeRecordingSink();
        hooks.Setup(h => h.WrapAudit(It.IsAny<IAuditLog>())).Returns(audit);
        hooks.Setup(h => h.ProvisioningLoaded(It.IsAny<Bodycam.Firmware.Provisioning.ProvisioningStore>(), audit));
        hooks.Setup(h => h.WrapRecordings(It.IsAny<Bodycam.Firmware.Recording.RecordingWriter>())).Returns(sink);
        DeviceBuilder builder = BuilderOn(rig);
        builder.Hooks = hooks.Object;

        DeviceAssembly device = builder.Build();

        Assert.Same(audit, device.Audit);
        hooks.VerifyAll();
    }

    private static DeviceBuilder BuilderOn(WriterRig rig)
    {
        return new DeviceBuilder(PartsOn(rig));
    }

    private static BoardParts PartsOn(WriterRig rig)
    {
        return new BoardParts
        {
            Clock = new FakeClock(),
            RealTimeClock = new FakeRealTimeClock(),
            Battery = new FakeBattery(),
            Camera = new FakeCamera(),
            Cues = new FakeCueOutput(),
            Storage = rig.Storage,
            InternalStorage = rig.Internal,
            Crypto = rig.Crypto,
            SecureElement = rig.SecureElement,
            Random = rig.Random,
            DockChannel = new Mock<IByteChannel>().Object,
        };
    }
}
