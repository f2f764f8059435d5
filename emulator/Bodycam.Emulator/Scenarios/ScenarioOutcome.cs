namespace Bodycam.Emulator.Scenarios;

/// <summary>How a scenario ended; the numbers are the command line's exit codes.</summary>
public enum ScenarioOutcome
{
    /// <summary>Every expectation held.</summary>
    Passed = 0,

    /// <summary>An expectation failed.</summary>
    Failed = 1,

    /// <summary>The scenario (or the command line) is invalid.</summary>
    Invalid = 2,

    /// <summary>The scenario ran past <c>--timeout</c> in simulated time.</summary>
    TimedOut = 42,
}
