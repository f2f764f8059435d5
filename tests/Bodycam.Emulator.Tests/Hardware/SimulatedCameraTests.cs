using Bodycam.Emulator.Board;
using Xunit;

namespace Bodycam.Emulator.Tests.Hardware;

public class SimulatedCameraTests
{
    [Fact]
    public void Capture_GopMode_KeyFrameEveryGopFrames()
    {
        var camera = new SimulatedCamera(new CameraSettings(CameraMode.Gop, 1920, 1080, 30, 4_000_000, 10), "HEE-01", new SeededGenerator(1));

        for (int i = 0; i < 30; i++)
        {
            camera.Capture(i * 33, out bool key);
            Assert.Equal(i % 10 == 0, key);
        }
    }

    [Fact]
    public void Capture_GopMode_AveragesTheBitrate()
    {
        var camera = new SimulatedCamera(new CameraSettings(CameraMode.Gop, 1920, 1080, 30, 4_000_000, 30), "HEE-01", new SeededGenerator(1));
        long bytes = 0;

        for (int i = 0; i < 300; i++)
        {
            bytes += camera.Capture(i * 33, out _);
        }

        long bitsPerSecond = bytes * 8 / 10;
        Assert.InRange(bitsPerSecond, 3_800_000, 4_200_000);
    }

    [Fact]
    public void Capture_SameSeed_SameBytes()
    {
        var a = new SimulatedCamera(new CameraSettings(BitsPerSecond: 400_000), "HEE-01", new SeededGenerator(5));
        var b = new SimulatedCamera(new CameraSettings(BitsPerSecond: 400_000), "HEE-01", new SeededGenerator(5));

        int la = a.Capture(0, out _);
        int lb = b.Capture(0, out _);

        Assert.Equal(a.Buffer[..la], b.Buffer[..lb]);
    }

    [Fact]
    public void FrameTime_LongRun_HasNoDrift()
    {
        var camera = new SimulatedCamera(new CameraSettings(FramesPerSecond: 30), "HEE-01", new SeededGenerator(1));

        Assert.Equal(36_000_000, camera.FrameTime(0, 30L * 36_000));
    }

    [Fact]
    public void FormatTime_Hours_PastADay()
    {
        Assert.Equal("25:01:02.003", SimulatedCamera.FormatTime((25 * 3_600_000L) + 62_003));
    }
}
