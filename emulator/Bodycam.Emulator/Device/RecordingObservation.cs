namespace Bodycam.Emulator.Device;

/// <summary>What went into one recording at the writer's interface: trigger, frame times, audio, markers.</summary>
public sealed class RecordingObservation
{
    /// <summary>The recording id the writer returned.</summary>
    public required string Id { get; init; }

    /// <summary>The trigger: the monotonic time of the press Begin was given.</summary>
    public long TriggerMilliseconds { get; init; }

    /// <summary>File 0's start-monotonic Begin was given: the oldest pre-record frame, or the trigger.</summary>
    public long StartMilliseconds { get; init; }

    /// <summary>The pre-record span the device declared: trigger less start.</summary>
    public long PreRecordSpanMilliseconds => TriggerMilliseconds - StartMilliseconds;

    /// <summary>Time of the first video frame, or -1.</summary>
    public long FirstVideoMilliseconds { get; set; } = -1;

    /// <summary>Time of the last video frame, or -1.</summary>
    public long LastVideoMilliseconds { get; set; } = -1;

    /// <summary>Video frames written.</summary>
    public long VideoFrames { get; set; }

    /// <summary>Audio blocks written.</summary>
    public long AudioFrames { get; set; }

    /// <summary>Whether an audio block older than the trigger was written.</summary>
    public bool AudioBeforeTrigger { get; set; }

    /// <summary>Markers written.</summary>
    public int Markers { get; set; }

    /// <summary>Whether End was called (a clean close).</summary>
    public bool Ended { get; set; }
}
