using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>
/// Forwards every call to the writer and traces what the writer was handed: each frame's kind, key flag, time,
/// length and a <see cref="TestDigest"/> of its plaintext, each marker, begin and end.
/// </summary>
public sealed class TracingSink : IRecordingSink
{
    private readonly IRecordingSink _writer;
    private readonly Trace _trace;
    private readonly TestDigest _digest = new TestDigest();
    private readonly byte[] _value = new byte[TestDigest.Size];

    /// <summary>Initializes a new instance of the <see cref="TracingSink"/> class.</summary>
    /// <param name="writer">The encrypted writer.</param>
    /// <param name="trace">Where calls are traced.</param>
    public TracingSink(IRecordingSink writer, Trace trace)
    {
        _writer = writer;
        _trace = trace;
    }

    /// <summary>Gets or sets a value indicating whether frames are traced (default true; a bench turns it off).</summary>
    public bool TraceFrames { get; set; } = true;

    /// <summary>Gets the number of frames handed to the writer.</summary>
    public int FrameCount { get; private set; }

    /// <summary>Gets the number of markers handed to the writer.</summary>
    public int MarkerCount { get; private set; }

    /// <summary>Gets the timestamp of the first frame of the current or last recording, or -1.</summary>
    public long FirstFrameMilliseconds { get; private set; } = -1;

    /// <inheritdoc/>
    public bool IsOpen => _writer.IsOpen;

    /// <inheritdoc/>
    public long ReadAvailableBytes()
    {
        return _writer.ReadAvailableBytes();
    }

    /// <inheritdoc/>
    public string Begin(long startMonotonicMilliseconds, long monotonicMilliseconds, long unixMilliseconds, bool clockSet)
    {
        string id = _writer.Begin(startMonotonicMilliseconds, monotonicMilliseconds, unixMilliseconds, clockSet);
        FirstFrameMilliseconds = -1;
        _trace.Add("begin " + monotonicMilliseconds.ToString() + (clockSet ? " clock" : " no-clock"));
        return id;
    }

    /// <inheritdoc/>
    public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
    {
        _writer.AppendFrame(kind, keyFrame, timestampMilliseconds, data, offset, count);
        FrameCount++;
        if (FirstFrameMilliseconds < 0)
        {
            FirstFrameMilliseconds = timestampMilliseconds;
        }

        if (!TraceFrames)
        {
            return;
        }

        _digest.Update(data, offset, count);
        _digest.Finish(_value, 0);
        _trace.Add(
            "frame " + ((int)kind).ToString() + (keyFrame ? " key " : " delta ") + timestampMilliseconds.ToString()
            + " " + count.ToString() + " " + Hex(_value));
    }

    /// <inheritdoc/>
    public void AddMarker(long timestampMilliseconds)
    {
        _writer.AddMarker(timestampMilliseconds);
        MarkerCount++;
        _trace.Add("marker " + timestampMilliseconds.ToString());
    }

    /// <inheritdoc/>
    public void End(long monotonicMilliseconds)
    {
        _writer.End(monotonicMilliseconds);
        _trace.Add("end " + monotonicMilliseconds.ToString());
    }

    private static string Hex(byte[] value)
    {
        const string Digits = "0123456789abcdef";
        char[] text = new char[16];
        for (int i = 0; i < 8; i++)
        {
            text[2 * i] = Digits[value[i] >> 4];
            text[(2 * i) + 1] = Digits[value[i] & 0x0F];
        }

        return new string(text);
    }
}
