namespace Bodycam.Emulator.Scenarios;

/// <summary>What <c>expect-recordings</c> checks; null members are not checked. All but the count concern the last recording.</summary>
public sealed class RecordingsExpectation
{
    /// <summary>Number of recordings on the device's storage.</summary>
    public ValueRange? Count { get; init; }

    /// <summary>Media duration of the last recording (first to last frame), milliseconds.</summary>
    public ValueRange? Duration { get; init; }

    /// <summary>Length of the last recording's pre-record (first frame to trigger), milliseconds.</summary>
    public ValueRange? PreRecord { get; init; }

    /// <summary>Status of the last recording: <c>complete</c>, <c>recovered</c>, <c>truncated</c>, <c>tampered</c> or <c>damaged</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Whether the last recording's pre-record holds audio.</summary>
    public bool? AudioInPreRecord { get; init; }

    /// <summary>Number of files (the first plus continuations) the last recording spans.</summary>
    public ValueRange? Parts { get; init; }

    /// <summary>Number of markers in the last recording.</summary>
    public ValueRange? Markers { get; init; }
}
