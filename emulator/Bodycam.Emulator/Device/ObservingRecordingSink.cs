using System;
using System.Collections.Generic;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>
/// Passes every call to the real writer and notes what each recording received (for the timeline and as a cross-check
/// of what the SDK reader finds in the stored file).
/// </summary>
public sealed class ObservingRecordingSink : IRecordingSink
{
    private readonly List<RecordingObservation> _observations;
    private IRecordingSink _inner;
    private RecordingObservation? _current;

    /// <summary>Creates the decorator.</summary>
    /// <param name="inner">The real writer.</param>
    /// <param name="observations">Where observations are kept (shared across reboots).</param>
    public ObservingRecordingSink(IRecordingSink inner, List<RecordingObservation> observations)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _observations = observations ?? throw new ArgumentNullException(nameof(observations));
    }

    /// <summary>Raised when a recording begins or ends.</summary>
    public event EventHandler<RecordingObservation>? Changed;

    /// <inheritdoc />
    public bool IsOpen => _inner.IsOpen;

    /// <summary>The observation of the open recording, or null.</summary>
    public RecordingObservation? Current => _current;

    /// <inheritdoc />
    public long ReadAvailableBytes()
    {
        return _inner.ReadAvailableBytes();
    }

    /// <inheritdoc />
    public string Begin(long startMonotonicMilliseconds, long pressMonotonicMilliseconds, long unixMilliseconds, bool clockSet)
    {
        string id = _inner.Begin(startMonotonicMilliseconds, pressMonotonicMilliseconds, unixMilliseconds, clockSet);
        _current = new RecordingObservation { Id = id, TriggerMilliseconds = pressMonotonicMilliseconds };
        _observations.Add(_current);
        Changed?.Invoke(this, _current);
        return id;
    }

    /// <inheritdoc />
    public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
    {
        _inner.AppendFrame(kind, keyFrame, timestampMilliseconds, data, offset, count);
        RecordingObservation? o = _current;
        if (o == null)
        {
            return;
        }

        if (kind == FrameKind.Video)
        {
            if (o.FirstVideoMilliseconds < 0)
            {
                o.FirstVideoMilliseconds = timestampMilliseconds;
            }

            o.LastVideoMilliseconds = timestampMilliseconds;
            o.VideoFrames++;
        }
        else
        {
            o.AudioFrames++;
            if (timestampMilliseconds < o.TriggerMilliseconds)
            {
                o.AudioBeforeTrigger = true;
            }
        }
    }

    /// <inheritdoc />
    public void AddMarker(long timestampMilliseconds)
    {
        _inner.AddMarker(timestampMilliseconds);
        if (_current != null)
        {
            _current.Markers++;
        }
    }

    /// <inheritdoc />
    public void End(long monotonicMilliseconds)
    {
        _inner.End(monotonicMilliseconds);
        if (_current != null)
        {
            _current.Ended = true;
            Changed?.Invoke(this, _current);
        }

        _current = null;
    }

    /// <summary>Swaps the writer after a reboot (the observations stay).</summary>
    /// <param name="inner">The new writer.</param>
    public void Replace(IRecordingSink inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _current = null;
    }
}
