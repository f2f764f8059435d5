using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.PreRecord;
using Bodycam.Firmware.Tests.StateMachine;
using CsCheck;
using Xunit;

namespace Bodycam.Firmware.Tests.PreRecord;

public class PreRecordBufferTests
{
    // Each property runs one seeded sample of many scenarios, so every run checks the same inputs.
    private static readonly string s_seed = new PCG(7, 20261129).ToString();

    private static readonly Gen<Step> s_step =
        Gen.Select(Gen.Int[0, 80], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 3000])
            .Select((dt, kind, key, size) => new Step(dt, kind < 20 ? FrameKind.Audio : FrameKind.Video, key < 15, size));

    private static readonly Gen<Scenario> s_roomyScenario =
        Gen.Select(Gen.Int[0, 2000], Gen.Bool, s_step.Array[1, 300])
            .Select((window, audio, steps) => new Scenario(1 << 22, 4096, window, audio, steps));

    private static readonly Gen<Scenario> s_tightScenario =
        Gen.Select(Gen.Int[2000, 40000], Gen.Int[2, 64], Gen.Int[0, 3000], Gen.Bool, s_step.Array[1, 300])
            .Select((arena, capacity, window, audio, steps) => new Scenario(arena, capacity, window, audio, steps));

    [Fact]
    public void Push_AmpleSpace_HoldsExactlyTheWindowFromTheFirstKeyFrameInsideIt()
    {
        Check.Sample(
            s_roomyScenario.Array[60],
            scenarios =>
            {
                foreach (Scenario scenario in scenarios)
                {
                    var ring = scenario.CreateRing();
                    var accepted = new List<Frame>();
                    long now = 0;
                    foreach (Step step in scenario.Steps)
                    {
                        now += step.Delta;
                        Frame frame = step.ToFrame(now, accepted.Count + 1);
                        accepted = Model.Trim(accepted, now - scenario.Window);
                        bool expected = Model.Keeps(scenario, accepted, frame);
                        Assert.Equal(expected, ring.Push(frame.Kind, frame.KeyFrame, now, frame.Data, 0, frame.Data.Length));
                        if (expected)
                        {
                            accepted.Add(frame);
                        }

                        AssertHolds(ring, accepted);
                        Assert.Equal(0, ring.EvictedBySpaceCount);
                    }
                }
            },
            seed: s_seed,
            iter: 1,
            threads: 1);
    }

    [Fact]
    public void Push_TightSpace_HoldsAnInOrderSuffixWithinBoundsAndWindow()
    {
        Check.Sample(
            s_tightScenario.Array[60],
            scenarios =>
            {
                foreach (Scenario scenario in scenarios)
                {
                    var ring = scenario.CreateRing();
                    var accepted = new List<Frame>();
                    long now = 0;
                    foreach (Step step in scenario.Steps)
                    {
                        now += step.Delta;
                        Frame frame = step.ToFrame(now, accepted.Count + 1);
                        bool stored = ring.Push(frame.Kind, frame.KeyFrame, now, frame.Data, 0, frame.Data.Length);
                        if (stored)
                        {
                            Assert.True(scenario.Window > 0 && frame.Data.Length <= scenario.Arena && (frame.Kind == FrameKind.Video || scenario.Audio));
                        }

                        if (stored)
                        {
                            accepted.Add(frame);
                        }

                        // Memory bounded.
                        Assert.InRange(ring.Count, 0, scenario.Capacity);
                        Assert.InRange(ring.BytesUsed, 0, scenario.Arena);

                        // In order, nothing lost in the middle: the ring holds the newest accepted frames.
                        AssertHolds(ring, accepted.Skip(accepted.Count - ring.Count).ToList());

                        // Window: nothing older than the window, and the oldest frame is a key frame.
                        long cutoff = now - scenario.Window;
                        for (int i = 0; i < ring.Count; i++)
                        {
                            Assert.True(ring.GetTimestamp(i) >= cutoff);
                        }

                        if (ring.Count > 0)
                        {
                            Assert.True(ring.GetKind(0) == FrameKind.Video && ring.IsKeyFrame(0));
                        }
                    }
                }
            },
            seed: s_seed,
            iter: 1,
            threads: 1);
    }

    [Fact]
    public void BeginDrain_AnyScenario_ClipStartsAtFirstKeyFrameAtOrAfterTriggerMinusWindow()
    {
        Check.Sample(
            Gen.Select(s_roomyScenario, Gen.Int[0, 3000]).Array[60],
            samples =>
            {
                foreach ((Scenario scenario, int extra) in samples)
                {
                    var ring = scenario.CreateRing();
                    var accepted = new List<Frame>();
                    long now = 0;
                    foreach (Step step in scenario.Steps)
                    {
                        now += step.Delta;
                        Frame frame = step.ToFrame(now, accepted.Count + 1);
                        if (ring.Push(frame.Kind, frame.KeyFrame, now, frame.Data, 0, frame.Data.Length))
                        {
                            accepted.Add(frame);
                        }
                    }

                    long trigger = now + extra;
                    long cutoff = trigger - scenario.Window;
                    int anchor = accepted.FindIndex(f => f.IsAnchor && f.Timestamp >= cutoff);

                    var sink = new FakeRecordingSink();
                    sink.Begin(trigger, trigger, 0, true);
                    int count = ring.BeginDrain(trigger);
                    while (ring.IsDraining)
                    {
                        ring.DrainTo(sink, 7);
                    }

                    if (anchor < 0)
                    {
                        Assert.Equal(0, count);
                        Assert.Empty(sink.Frames);
                    }
                    else
                    {
                        // Starts at the first key frame inside the window, so it decodes and is no longer than the
                        // window, and carries everything after it in order.
                        List<Frame> expected = accepted.Skip(anchor).ToList();
                        Assert.Equal(expected.Count, count);
                        Assert.True(sink.Frames[0].KeyFrame && sink.Frames[0].Kind == FrameKind.Video);
                        Assert.True(trigger - sink.Frames[0].Timestamp <= scenario.Window);
                        Assert.Equal(expected.Select(f => f.Data), sink.Frames.Select(f => f.Data));
                    }

                    Assert.Equal(0, ring.Count);
                    Assert.False(ring.IsDraining);
                }
            },
            seed: s_seed,
            iter: 1,
            threads: 1);
    }

    // A camera stream: window (0 about one time in seven), key-frame interval in frames, frame rate, where in the
    // group of pictures the stream starts, press time, audio in the pre-record, and how many frames arrive after the
    // press before the gesture is recognised.
    private static readonly Gen<CameraRun> s_cameraRun =
        Gen.Select(
            Gen.Int[-20000, 120000].Select(w => Math.Max(0, w)),
            Gen.Int[1, 300],
            Gen.Int[1, 60],
            Gen.Int[0, 299],
            Gen.Int[0, 200000],
            Gen.Bool,
            Gen.Int[0, 5])
            .Select((window, gop, fps, phase, press, audio, late) => new CameraRun(window, gop, fps, phase % gop, press, audio, late));

    [Fact]
    public void BeginDrain_AnyWindowGopFpsAndPress_KeepsAtMostTheWindowStartingAtAKeyFrame()
    {
        Check.Sample(
            s_cameraRun.Array[150],
            runs =>
            {
                foreach (CameraRun run in runs)
                {
                    // Ample memory for the window: eviction by age alone decides, as on the device.
                    int capacity = (int)Math.Min(65536, ((run.Window / 1000) + 2) * (run.Fps + 10) + 64);
                    var ring = new PreRecordBuffer(capacity * 16, capacity, run.Window, run.Audio);
                    byte[] data = new byte[16];
                    var pushed = new List<(long Time, FrameKind Kind, bool Key)>();
                    int lateFrames = 0;
                    long nextAudio = 0;
                    for (long i = 0; lateFrames <= run.Late; i++)
                    {
                        long t = i * 1000 / run.Fps;
                        if (t > run.Press)
                        {
                            lateFrames++;
                        }

                        while (nextAudio <= t)
                        {
                            ring.Push(FrameKind.Audio, false, nextAudio, data, 0, data.Length);
                            pushed.Add((nextAudio, FrameKind.Audio, false));
                            nextAudio += 100;
                        }

                        bool key = (i + run.Phase) % run.Gop == 0;
                        ring.Push(FrameKind.Video, key, t, data, 0, data.Length);
                        pushed.Add((t, FrameKind.Video, key));
                    }

                    if (run.Window == 0)
                    {
                        Assert.Equal(0, ring.ArenaBytes);
                    }

                    var sink = new FakeRecordingSink();
                    sink.Begin(run.Press, run.Press, 0, true);
                    int count = ring.BeginDrain(run.Press);
                    while (ring.IsDraining)
                    {
                        ring.DrainTo(sink, 64);
                    }

                    // Frames that arrived after the press trimmed the ring at their own time, a little tighter.
                    long cutoff = run.Press - run.Window;
                    long trimmedAt = Math.Max(run.Press, pushed.Max(f => f.Time));
                    int firstKey = pushed.FindIndex(f => f.Kind == FrameKind.Video && f.Key && f.Time >= trimmedAt - run.Window);
                    if (run.Window == 0)
                    {
                        // 0 s keeps nothing.
                        Assert.Equal(0, count);
                        Assert.Empty(sink.Frames);
                        continue;
                    }

                    Assert.Equal(count, sink.Frames.Count);
                    Assert.Equal(firstKey >= 0, count > 0);
                    if (count == 0)
                    {
                        continue;
                    }

                    // The first kept frame is a key frame, the first one inside the window (the most the rule allows).
                    Assert.Equal(FrameKind.Video, sink.Frames[0].Kind);
                    Assert.True(sink.Frames[0].KeyFrame);
                    Assert.Equal(pushed[firstKey].Time, sink.Frames[0].Timestamp);

                    // Kept span <= window, for every frame and every kind.
                    Assert.All(sink.Frames, f => Assert.True(f.Timestamp >= cutoff, "frame at " + f.Timestamp + " before the cutoff " + cutoff));
                    Assert.True(run.Press - sink.Frames[0].Timestamp <= run.Window);
                    if (!run.Audio)
                    {
                        Assert.DoesNotContain(sink.Frames, f => f.Kind == FrameKind.Audio);
                    }
                }
            },
            seed: s_seed,
            iter: 1,
            threads: 1);
    }

    [Fact]
    public void Push_AudioPolicy_AudioKeptOnlyWhenConfigured()
    {
        Check.Sample(
            s_roomyScenario.Array[40],
            scenarios =>
            {
                foreach (Scenario scenario in scenarios)
                {
                    var ring = scenario.CreateRing();
                    long now = 0;
                    int audioPushed = 0;
                    foreach (Step step in scenario.Steps)
                    {
                        now += step.Delta;
                        Frame frame = step.ToFrame(now, 1);
                        ring.Push(frame.Kind, frame.KeyFrame, now, frame.Data, 0, frame.Data.Length);
                        audioPushed += frame.Kind == FrameKind.Audio ? 1 : 0;
                    }

                    bool anyAudio = Enumerable.Range(0, ring.Count).Any(i => ring.GetKind(i) == FrameKind.Audio);
                    if (scenario.Audio)
                    {
                        Assert.Equal(0, ring.ExcludedAudioCount);
                    }
                    else
                    {
                        Assert.False(anyAudio);
                        Assert.Equal(audioPushed, ring.ExcludedAudioCount);
                    }
                }
            },
            seed: s_seed,
            iter: 1,
            threads: 1);
    }

    [Fact]
    public void Push_FrameLargerThanArena_RejectedAndCounted()
    {
        var ring = new PreRecordBuffer(1000, 16, 30000, false);
        ring.Push(FrameKind.Video, true, 0, new byte[500], 0, 500);

        bool stored = ring.Push(FrameKind.Video, true, 10, new byte[1001], 0, 1001);

        Assert.False(stored);
        Assert.Equal(1, ring.RejectedOversizeCount);
        Assert.Equal(1, ring.Count);
        Assert.Equal(500, ring.BytesUsed);
    }

    [Fact]
    public void Push_FrameOfWholeArena_EvictsEverythingElse()
    {
        var ring = new PreRecordBuffer(1000, 16, 30000, false);
        ring.Push(FrameKind.Video, true, 0, new byte[300], 0, 300);

        Assert.True(ring.Push(FrameKind.Video, true, 10, new byte[1000], 0, 1000));

        Assert.Equal(1, ring.Count);
        Assert.Equal(1, ring.EvictedBySpaceCount);
    }

    [Fact]
    public void Clear_AfterPushes_ZeroesTheArena()
    {
        var ring = new PreRecordBuffer(4096, 16, 30000, true);
        byte[] frame = DeviceHarness.FrameBytes(9, 1000);
        for (int i = 0; i < 10; i++)
        {
            ring.Push(FrameKind.Video, i % 3 == 0, i * 33, frame, 0, frame.Length);
        }

        Assert.False(ring.IsArenaZeroed());

        ring.Clear();

        Assert.True(ring.IsArenaZeroed());
        Assert.Equal(0, ring.Count);
        Assert.Equal(0, ring.BytesUsed);
    }

    [Fact]
    public void Push_WhileDraining_KeepsAudioAndNeverEvictsByAge()
    {
        var ring = new PreRecordBuffer(100000, 64, 1000, false);
        ring.Push(FrameKind.Video, true, 0, new byte[10], 0, 10);
        ring.BeginDrain(500);

        ring.Push(FrameKind.Audio, false, 5000, new byte[10], 0, 10);
        ring.Push(FrameKind.Video, false, 9000, new byte[10], 0, 10);

        Assert.Equal(3, ring.Count);
        Assert.Equal(FrameKind.Audio, ring.GetKind(1));
        Assert.Equal(0, ring.EvictedByAgeCount);
    }

    [Fact]
    public void Push_ManyFrames_AllocatesNothing()
    {
        var ring = new PreRecordBuffer(1 << 20, 2048, 3000, false);
        byte[] key = new byte[16000];
        byte[] delta = new byte[3200];
        for (int i = 0; i < 200; i++)
        {
            PushGop(ring, i, key, delta);
        }

        // Three measured rounds of 20,000 GOPs: a push that allocates shows in every round; the runtime's own one-off
        // work (tiered recompilation switching a loop to optimised code) shows in at most the first.
        long fewest = long.MaxValue;
        int next = 200;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int end = next + 20000; next < end; next++)
            {
                PushGop(ring, next, key, delta);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
        Assert.True(ring.EvictedByAgeCount > 0);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreRecordBuffer(0, 16, 0, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreRecordBuffer(10, 1, 0, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreRecordBuffer(10, 16, 120001, false));
    }

    [Fact]
    public void Push_BadRange_Throws()
    {
        var ring = new PreRecordBuffer(100, 16, 0, false);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Push(FrameKind.Video, true, 0, new byte[10], 5, 6));
    }

    private static void PushGop(PreRecordBuffer ring, int frameNumber, byte[] key, byte[] delta)
    {
        bool isKey = frameNumber % 30 == 0;
        byte[] data = isKey ? key : delta;
        ring.Push(FrameKind.Video, isKey, frameNumber * 33L, data, 0, data.Length);
        ring.Push(FrameKind.Audio, false, frameNumber * 33L, delta, 0, 640);
    }

    private static void AssertHolds(PreRecordBuffer ring, List<Frame> expected)
    {
        Assert.Equal(expected.Count, ring.Count);
        Assert.Equal(expected.Sum(f => (long)f.Data.Length), ring.BytesUsed);
        for (int i = 0; i < expected.Count; i++)
        {
            var copy = new byte[ring.GetLength(i)];
            ring.CopyFrame(i, copy, 0);
            Assert.Equal(expected[i].Data, copy);
            Assert.Equal(expected[i].Timestamp, ring.GetTimestamp(i));
            Assert.Equal(expected[i].Kind, ring.GetKind(i));
            Assert.Equal(expected[i].KeyFrame, ring.IsKeyFrame(i));
        }
    }

    public sealed record Step(int Delta, FrameKind Kind, bool KeyFrame, int Size)
    {
        public Frame ToFrame(long now, int serial)
        {
            return new Frame(Kind, KeyFrame, now, DeviceHarness.FrameBytes(serial, Size));
        }
    }

    public sealed record Scenario(int Arena, int Capacity, long Window, bool Audio, Step[] Steps)
    {
        public PreRecordBuffer CreateRing() => new PreRecordBuffer(Arena, Capacity, Window, Audio);
    }

    public sealed record CameraRun(long Window, int Gop, int Fps, int Phase, long Press, bool Audio, int Late);

    public sealed record Frame(FrameKind Kind, bool KeyFrame, long Timestamp, byte[] Data)
    {
        public bool IsAnchor => Kind == FrameKind.Video && KeyFrame;
    }

    /// <summary>The retention rule written the slow, obvious way.</summary>
    private static class Model
    {
        // Nothing older than the cutoff; then the held frames start at a video key frame.
        public static List<Frame> Trim(List<Frame> frames, long cutoff)
        {
            return frames.SkipWhile(f => f.Timestamp < cutoff).SkipWhile(f => !f.IsAnchor).ToList();
        }

        // Whether a push (with ample space) keeps a frame, given what the ring holds after trimming.
        public static bool Keeps(Scenario scenario, List<Frame> held, Frame frame)
        {
            return scenario.Window > 0
                && (frame.Kind == FrameKind.Video || scenario.Audio)
                && (held.Count > 0 || frame.IsAnchor)
                && frame.Data.Length <= scenario.Arena;
        }
    }
}
