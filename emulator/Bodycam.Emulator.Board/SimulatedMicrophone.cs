using System;

namespace Bodycam.Emulator.Board;

/// <summary>
/// A microphone producing 16-bit little-endian mono PCM blocks: a quiet seeded noise floor with a 1 kHz tone, so a
/// decoded clip is recognisably audio. One preallocated block buffer is reused.
/// </summary>
public sealed class SimulatedMicrophone
{
    private readonly SeededGenerator _random;
    private readonly byte[] _block;
    private long _sampleIndex;

    /// <summary>Creates a microphone.</summary>
    /// <param name="sampleRate">Samples per second, e.g. 16000.</param>
    /// <param name="blockMilliseconds">Length of one block.</param>
    /// <param name="random">Seeded noise source.</param>
    public SimulatedMicrophone(int sampleRate, int blockMilliseconds, SeededGenerator random)
    {
        if (sampleRate <= 0 || blockMilliseconds <= 0 || (sampleRate * blockMilliseconds) % 1000 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), "A block must hold a whole number of samples.");
        }

        SampleRate = sampleRate;
        BlockMilliseconds = blockMilliseconds;
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _block = new byte[sampleRate * blockMilliseconds / 1000 * 2];
    }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>Length of one block in milliseconds.</summary>
    public int BlockMilliseconds { get; }

    /// <summary>Whether the microphone is powered.</summary>
    public bool Running { get; private set; }

    /// <summary>The block buffer <see cref="Capture"/> fills.</summary>
    public byte[] Buffer => _block;

    /// <summary>Powers the microphone.</summary>
    public void Start()
    {
        Running = true;
    }

    /// <summary>Powers the microphone down.</summary>
    public void Stop()
    {
        Running = false;
    }

    /// <summary>Fills <see cref="Buffer"/> with the next block.</summary>
    /// <returns>The number of bytes in the block.</returns>
    public int Capture()
    {
        int samples = _block.Length / 2;
        for (int i = 0; i < samples; i++, _sampleIndex++)
        {
            // 1 kHz square-ish tone from the sample index (no floating point on the hot path) plus +-64 noise.
            int tone = ((_sampleIndex * 2000 / SampleRate) & 1) == 0 ? 2000 : -2000;
            int noise = (int)(_random.NextUInt64() & 127) - 64;
            short sample = (short)(tone + noise);
            _block[2 * i] = (byte)sample;
            _block[(2 * i) + 1] = (byte)(sample >> 8);
        }

        return _block.Length;
    }

    /// <summary>Stops the microphone and restarts its sequence.</summary>
    public void Reset()
    {
        Running = false;
        _sampleIndex = 0;
        _random.Reset();
    }
}
