using System;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Native.Posix;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.Native.Tests;

/// <summary>The posix board's clock, real-time clock, random source and camera replay, through the interop.</summary>
[TestClass]
public class PosixBoardTests
{
    [TestMethod]
    public void Clock_NeverGoesBack()
    {
        var clock = new NativeClock();
        long previous = clock.ReadMilliseconds();
        Assert.IsTrue(previous >= 0);
        for (int i = 0; i < 1000; i++)
        {
            long now = clock.ReadMilliseconds();
            Assert.IsTrue(now >= previous, "the monotonic clock went back");
            previous = now;
        }
    }

    [TestMethod]
    public void RealTimeClock_LostThenSet_ReadsTheTimeSet()
    {
        var rtc = new NativeRealTimeClock();
        PosixBoard.LoseRealTimeClock();
        Assert.IsFalse(rtc.IsSet);

        // after 2038 and with the low half's top bit set, so both 32-bit halves of the call matter
        const long Set = 0x000001FF_80000123;
        rtc.Set(Set);
        long read = rtc.ReadUnixMilliseconds();
        Assert.IsTrue(rtc.IsSet);
        Assert.IsTrue(read >= Set && read < Set + 1000, "read " + read.ToString() + " after setting " + Set.ToString());
    }

    [TestMethod]
    public void SeededRandom_IsTheSha256CounterStream_AcrossCalls()
    {
        byte[] seed = new byte[] { 7, 7, 7, 7 };
        byte[] block0 = NativeSecureElementTests.FirstStreamBlock(seed);
        var random = new NativeRandom();
        PosixBoard.SeedRandom(seed);
        byte[] bytes = new byte[40];
        random.Fill(bytes, 0, 10);
        random.Fill(bytes, 10, 30);
        byte[] again = new byte[40];
        PosixBoard.SeedRandom(seed);
        random.Fill(again, 0, 40);
        PosixBoard.UseSystemRandom();

        Bytes.AssertEqual(block0, bytes, 0, "first 32 bytes of the stream");
        Assert.IsTrue(Bytes.Same(bytes, 0, again, 0, 40), "the stream depends on how it is read");
    }

    [TestMethod]
    public void SystemRandom_FillsOnlyTheRange_WithFreshBytes()
    {
        var random = new NativeRandom();
        byte[] a = new byte[34];
        byte[] b = new byte[34];
        random.Fill(a, 1, 32);
        random.Fill(b, 1, 32);
        Assert.AreEqual((byte)0, a[0]);
        Assert.AreEqual((byte)0, a[33]);
        Assert.IsFalse(Bytes.Same(a, 1, b, 1, 32), "two 32-byte draws were equal");
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => random.Fill(a, 30, 5));
    }

    [TestMethod]
    public void SeedRandom_EmptyOrLongSeed_IsRefused()
    {
        Assert.ThrowsException(typeof(ArgumentException), () => PosixBoard.SeedRandom(new byte[0]));
        Assert.ThrowsException(typeof(ArgumentException), () => PosixBoard.SeedRandom(new byte[65]));
    }

    [TestMethod]
    public void Camera_WithoutReplay_HasNoFrames()
    {
        PosixBoard.CloseCameraReplay();
        var camera = new NativeCamera(640, 480, 25, 2000000, 25, 1024);
        camera.Start();
        Assert.IsFalse(camera.TryReadFrame());
        camera.Stop();
    }

    [TestMethod]
    public void Camera_Replay_DeliversTheFileFramesInOrder()
    {
        // written by firmware/native/write-replay-sample into the folder the tests run in
        Assert.AreEqual(3, PosixBoard.OpenCameraReplay("native-test-frames.bcf"));
        var camera = new NativeCamera(640, 480, 25, 2000000, 25, 64);
        var clock = new NativeClock();
        camera.Start();
        long started = clock.ReadMilliseconds();

        Assert.IsTrue(camera.TryReadFrame());
        Assert.AreEqual((int)FrameKind.Video, (int)camera.Kind);
        Assert.IsTrue(camera.IsKeyFrame);
        Assert.AreEqual("key-frame-0", Text(camera));
        Assert.IsTrue(camera.TryReadFrame());
        Assert.AreEqual((int)FrameKind.Audio, (int)camera.Kind);
        Assert.AreEqual(4, camera.Length);

        // the third frame is due 40 ms after Start: poll for it
        while (!camera.TryReadFrame())
        {
            Assert.IsTrue(clock.ReadMilliseconds() - started < 5000, "the 40 ms frame never came");
        }

        Assert.IsTrue(clock.ReadMilliseconds() - started >= 40, "a frame came before its time");
        Assert.AreEqual("delta-frame-1", Text(camera));
        Assert.IsFalse(camera.IsKeyFrame);
        Assert.IsFalse(camera.TryReadFrame());
        camera.Stop();
        PosixBoard.CloseCameraReplay();
    }

    [TestMethod]
    public void Camera_ReplayOfAMissingFile_Throws()
    {
        Assert.ThrowsException(typeof(Exception), () => PosixBoard.OpenCameraReplay("no-such-file.bcf"));
    }

    private static string Text(NativeCamera camera)
    {
        char[] chars = new char[camera.Length];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)camera.Buffer[i];
        }

        return new string(chars);
    }
}
