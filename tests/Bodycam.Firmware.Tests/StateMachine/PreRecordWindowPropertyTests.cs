using System;
using System.Linq;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;
using CsCheck;
using Xunit;

namespace Bodycam.Firmware.Tests.StateMachine;

/// <summary>
/// The device core against the pre-record rule (docs/state-machine.md, "Pre-record ring"), over the window, the
/// camera's group of pictures and frame rate, the press time and the audio setting: the recording's start-monotonic
/// is never more than the window before the press (0 s: the press itself), no frame is older than it, and the first
/// video frame is a key frame.
/// </summary>
public class PreRecordWindowPropertyTests
{
    private static readonly string s_seed = new PCG(11, 20261202).ToString();

    private static readonly Gen<Run> s_run =
        Gen.Select(Gen.Int[1, 120], Gen.Int[1, 60], Gen.Int[-30000, 120000], Gen.Int[300, 150000], Gen.Bool, Gen.Int[0, 119])
            .Select((gop, fps, window, press, audio, phase) => new Run(gop, fps, window, press, audio, phase % gop));

    [Fact]
    public void Recording_AnyWindowGopFpsAndPress_NeverStartsMoreThanTheWindowBeforeThePress()
    {
        Check.Sample(
            s_run.Array[120],
            runs =>
            {
                foreach (Run run in runs)
                {
                    long interval = ((run.Gop * 1000L) + run.Fps - 1) / run.Fps;
                    long window = run.Window <= 0 ? 0 : Math.Min(120000, Math.Max(interval, run.Window));
                    var configuration = new DeviceConfiguration
                    {
                        PreRecordArenaBytes = 1 << 20,
                        PreRecordFrameCapacity = 16384,
                        PreRecordWindowMilliseconds = window,
                        PreRecordIncludesAudio = run.Audio,
                        StorageReserveBytes = 1000,
                        CameraKeyFrameIntervalMilliseconds = interval,
                    };
                    var h = new DeviceHarness(configuration);
                    var camera = new HonouringCamera();
                    h.Hardware.Camera = camera;
                    h.Clock.Now = 0;
                    h.Boot();

                    // A double press: down 230 ms before the press, up, down at the press, up 80 ms later. Edges, video
                    // frames and 100 ms audio blocks are delivered in time order, each followed by a poll.
                    long press = run.Press;
                    long[] edges = { press - 230, press - 150, press, press + 80 };
                    int nextEdge = 0;
                    byte[] frame = new byte[32];
                    long end = press + 3000;
                    long nextAudio = 0;
                    long frameIndex = 0;
                    while (true)
                    {
                        long video = frameIndex * 1000 / run.Fps;
                        long edge = nextEdge < edges.Length ? edges[nextEdge] : long.MaxValue;
                        long t = Math.Min(video, Math.Min(edge, nextAudio));
                        if (t > end)
                        {
                            break;
                        }

                        h.Clock.Now = t;
                        if (t == edge)
                        {
                            h.Device.EnqueueButtonEdge(nextEdge % 2 == 0, edge);
                            nextEdge++;
                        }
                        else if (t == nextAudio)
                        {
                            h.Device.OnFrame(FrameKind.Audio, false, nextAudio, frame, 0, frame.Length);
                            nextAudio += 100;
                        }
                        else
                        {
                            bool key = camera.NextIsKey((frameIndex + run.Phase) % run.Gop == 0);
                            h.Device.OnFrame(FrameKind.Video, key, video, frame, 0, frame.Length);
                            frameIndex++;
                        }

                        h.Device.Poll();
                    }

                    Assert.Equal(DeviceState.Recording, h.Device.State);
                    Assert.Single(h.Sink.Begins);
                    Assert.Equal(press, h.Sink.Begins[0].Monotonic);
                    long start = h.Sink.Starts[0];
                    Assert.InRange(start, press - window, press);
                    if (window == 0)
                    {
                        Assert.Equal(press, start);
                    }

                    Assert.Equal(1, camera.KeyFrameRequests);
                    Assert.All(h.Sink.Frames, f => Assert.True(f.Timestamp >= start, "frame at " + f.Timestamp + " before start " + start));
                    SinkFrame firstVideo = h.Sink.Frames.First(f => f.Kind == FrameKind.Video);
                    Assert.True(firstVideo.KeyFrame);
                    if (start < press)
                    {
                        // A pre-record starts with its key frame.
                        Assert.Equal(start, h.Sink.Frames[0].Timestamp);
                        Assert.True(h.Sink.Frames[0].KeyFrame && h.Sink.Frames[0].Kind == FrameKind.Video);
                    }

                    // The key frame the core asked for at the press arrives with the next frame: nothing is skipped
                    // for long (at most the frames between the press and the gesture's recognition).
                    Assert.True(h.Device.FramesSkippedBeforeKeyFrame <= 1 + (run.Fps / 2));
                    if (!run.Audio)
                    {
                        Assert.DoesNotContain(h.Sink.Frames, f => f.Kind == FrameKind.Audio && f.Timestamp < press);
                    }
                }
            },
            seed: s_seed,
            iter: 1,
            threads: 1);
    }

    public sealed record Run(int Gop, int Fps, int Window, int Press, bool Audio, int Phase);
}
