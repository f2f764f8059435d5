using System.Collections.Generic;
using Bodycam.Emulator.Board;

namespace Bodycam.Emulator.Scenarios;

/// <summary>A parsed scenario file.</summary>
public sealed class Scenario
{
    /// <summary>The file as given (used in messages and reports).</summary>
    public required string File { get; init; }

    /// <summary><c>name</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>seed</c> (default 1): every simulated part derives its randomness from it.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary><c>device</c>.</summary>
    public DeviceOverrides Device { get; init; } = new();

    /// <summary><c>camera</c>.</summary>
    public CameraSettings Camera { get; init; } = new();

    /// <summary><c>steps</c>, in order.</summary>
    public required IReadOnlyList<ScenarioStep> Steps { get; init; }
}
