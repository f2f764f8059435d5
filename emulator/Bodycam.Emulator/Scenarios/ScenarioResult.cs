namespace Bodycam.Emulator.Scenarios;

/// <summary>The result of running one scenario file.</summary>
public sealed class ScenarioResult
{
    /// <summary>The file.</summary>
    public required string File { get; init; }

    /// <summary>The scenario's name (the file name when it could not be parsed).</summary>
    public required string Name { get; init; }

    /// <summary>How it ended.</summary>
    public required ScenarioOutcome Outcome { get; init; }

    /// <summary>The failure, with file:line, simulated time, expected and actual; null when it passed.</summary>
    public string? Message { get; init; }

    /// <summary>Simulated time at the end, milliseconds.</summary>
    public long SimulatedMilliseconds { get; init; }

    /// <summary>Wall time the run took, milliseconds (report only, never asserted).</summary>
    public double WallMilliseconds { get; init; }

    /// <summary>Steps run (including the failing one).</summary>
    public int StepsRun { get; init; }
}
