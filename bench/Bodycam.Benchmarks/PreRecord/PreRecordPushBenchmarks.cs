using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.PreRecord;

namespace Bodycam.Benchmarks.PreRecord;

/// <summary>
/// Pre-record ring push against a plain copy of the same bytes into an arena of the same size. The stream is
/// 1080p30 at 4 Mbit/s (500 000 bytes a second) with a key frame every 30 frames, five times a delta frame's size:
/// 34 delta-sized units a second, so a delta frame is 14 706 bytes and a key frame 73 530 bytes. Each operation
/// pushes one second of frames; results are per frame.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class PreRecordPushBenchmarks
{
    private const int FramesPerSecond = 30;
    private const int DeltaBytes = 500000 / 34;
    private const int KeyBytes = DeltaBytes * 5;

    private byte[] _key = Array.Empty<byte>();
    private byte[] _delta = Array.Empty<byte>();
    private byte[] _copyArena = Array.Empty<byte>();
    private PreRecordBuffer _ring = null!;
    private int _copyCursor;
    private long _frameNumber;

    /// <summary>Allocates the arenas (the device's default 16 MiB, 30 s window) and the frames.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var configuration = new DeviceConfiguration();
        var random = new Random(4);
        _key = new byte[KeyBytes];
        _delta = new byte[DeltaBytes];
        random.NextBytes(_key);
        random.NextBytes(_delta);
        _ring = new PreRecordBuffer(
            configuration.PreRecordArenaBytes,
            configuration.PreRecordFrameCapacity,
            configuration.PreRecordWindowMilliseconds,
            configuration.PreRecordIncludesAudio);
        _copyArena = new byte[configuration.PreRecordArenaBytes];

        // Fill the ring past its window first so every measured push also evicts, as in steady standby.
        for (int i = 0; i < FramesPerSecond * 40; i++)
        {
            RingPushSecond();
        }
    }

    /// <summary>Plain Buffer.BlockCopy of the same frames into a same-size arena, wrapping at its end.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerSecond)]
    public void BlockCopy()
    {
        for (int i = 0; i < FramesPerSecond; i++)
        {
            byte[] frame = i == 0 ? _key : _delta;
            if (_copyCursor + frame.Length > _copyArena.Length)
            {
                _copyCursor = 0;
            }

            Buffer.BlockCopy(frame, 0, _copyArena, _copyCursor, frame.Length);
            _copyCursor += frame.Length;
        }
    }

    /// <summary>PreRecordBuffer.Push of the same frames (index update, age and space eviction included).</summary>
    [Benchmark(OperationsPerInvoke = FramesPerSecond)]
    public void RingPush()
    {
        RingPushSecond();
    }

    private void RingPushSecond()
    {
        for (int i = 0; i < FramesPerSecond; i++)
        {
            bool key = i == 0;
            byte[] frame = key ? _key : _delta;
            long timestamp = _frameNumber * 1000 / FramesPerSecond;
            _ring.Push(FrameKind.Video, key, timestamp, frame, 0, frame.Length);
            _frameNumber++;
        }
    }
}
