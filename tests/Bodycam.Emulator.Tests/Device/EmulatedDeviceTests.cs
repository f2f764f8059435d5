using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Xunit;

namespace Bodycam.Emulator.Tests.Device;

public class EmulatedDeviceTests
{
    [Fact]
    public void Run_SameScenarioAndSeed_GivesByteIdenticalStorage()
    {
        Dictionary<string, byte[]> first = RunAndImage(42);
        Dictionary<string, byte[]> second = RunAndImage(42);

        Assert.NotEmpty(first);
        Assert.Equal(first.Keys, second.Keys);
        foreach (string name in first.Keys)
        {
            Assert.True(first[name].AsSpan().SequenceEqual(second[name]), name + " differs");
        }
    }

    [Fact]
    public void Run_OtherSeed_GivesOtherStorage()
    {
        Dictionary<string, byte[]> first = RunAndImage(42);
        Dictionary<string, byte[]> other = RunAndImage(43);

        Assert.NotEqual(first.Keys, other.Keys);
    }

    [Fact]
    public void Advance_IdleHour_JumpsWithoutFramesBeingLost()
    {
        using var device = new EmulatedDevice(new EmulatedDeviceOptions { Keys = KeyRing.FromSeed(1), Camera = new CameraSettings(FramesPerSecond: 10, BitsPerSecond: 200_000) });

        device.Advance(3_600_000);

        Assert.Equal(3_600_000, device.Now);
        Assert.Equal(36_001, device.Camera.FramesCaptured);
        Assert.Equal("standby", device.State);
    }

    [Fact]
    public void Dock_RaisesTheHookAndDocks()
    {
        using var device = new EmulatedDevice(new EmulatedDeviceOptions { Keys = KeyRing.FromSeed(1) });
        var seen = new List<bool>();
        device.DockChanged += (_, docked) => seen.Add(docked);

        device.Dock();
        device.Advance(100);

        Assert.Equal(new[] { true }, seen);
        Assert.Equal("docked", device.State);
    }

    [Fact]
    public void Recording_JpegMode_DecryptsToTheTestPatternFrames()
    {
        using var device = new EmulatedDevice(new EmulatedDeviceOptions { Keys = KeyRing.FromSeed(1), Camera = new CameraSettings(CameraMode.Jpeg, 64, 48, 5) });
        device.Advance(3_000);
        device.SetButton(true);
        device.Advance(100);
        device.SetButton(false);
        device.Advance(150);
        device.SetButton(true);
        device.Advance(100);
        device.SetButton(false);
        device.Advance(2_000);
        device.SetButton(true);
        device.Advance(3_100);
        device.SetButton(false);
        device.Advance(500);
        string file = Assert.Single(device.Storage.List(), n => n.EndsWith(".bcr", System.StringComparison.Ordinal));

        Bodycam.Sdk.Recording.RecordingResult result = new Bodycam.Sdk.Recording.RecordingReader(device.Storage.ReadAllBytes(file))
            .Decrypt(device.SecureElement.DevicePublicKey, device.Options.Keys.RecipientPrivateKey("heerde"));

        Assert.Equal(Bodycam.Sdk.Recording.RecordingStatus.Complete, result.Status);
        Bodycam.Sdk.Media.MediaFrame first = System.Linq.Enumerable.First(result.Frames, f => f.Kind == Bodycam.Sdk.Media.MediaKind.Video);
        var pattern = new Bodycam.Emulator.Board.Imaging.TestPatternFrame(64, 48, 75);
        byte[] expected = new byte[pattern.MaxFrameBytes];
        int length = pattern.Render("HEE-01 " + SimulatedCamera.FormatTime(first.TimestampMilliseconds), expected);
        Assert.Equal(expected.AsSpan(0, length).ToArray(), first.Data.ToArray());
    }

    private static Dictionary<string, byte[]> RunAndImage(ulong seed)
    {
        Scenario scenario = ScenarioParser.Parse("version: 1\nname: d\nsteps:\n  - advance: 35s\n  - press: double\n  - advance: 20s\n  - press: hold 3s\n", "d.yaml");
        using var device = new EmulatedDevice(new EmulatedDeviceOptions { Seed = seed, Keys = KeyRing.FromSeed(seed), Camera = new CameraSettings(BitsPerSecond: 500_000) });
        ScenarioResult result = new ScenarioRunner(null).Run(scenario, device);
        Assert.Equal(ScenarioOutcome.Passed, result.Outcome);
        var image = new Dictionary<string, byte[]>();
        foreach (string name in device.Storage.List())
        {
            image[name] = device.Storage.ReadAllBytes(name);
        }

        return image;
    }
}
