using System.Collections.Generic;
using Bodycam.Emulator.Sweeps;

namespace Bodycam.Emulator.Commands;

/// <summary>What <c>bodycam-emu sweep</c> sweeps.</summary>
public sealed class SweepOptions
{
    /// <summary>Gets scenario files, folders or built-in names; empty means the whole built-in library.</summary>
    public List<string> Scenarios { get; } = [];

    /// <summary>Gets or sets the power-cut modes to sweep.</summary>
    public IReadOnlyList<PowerCutMode> Modes { get; set; } = [PowerCutMode.WholeWrites, PowerCutMode.TornWrites, PowerCutMode.UnsyncedDropped];

    /// <summary>Gets or sets the storage faults to sweep.</summary>
    public IReadOnlyList<ResourceFault> Faults { get; set; } = [ResourceFault.StorageFull, ResourceFault.WriteError, ResourceFault.CardFills];

    /// <summary>Gets or sets which cut points to visit.</summary>
    public CutPointPlan Plan { get; set; } = new();

    /// <summary>Gets or sets a value indicating whether the figures are written as JSON.</summary>
    public bool Json { get; set; }
}
