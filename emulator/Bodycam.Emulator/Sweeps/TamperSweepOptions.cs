namespace Bodycam.Emulator.Sweeps;

/// <summary>How much the tamper sweep tries.</summary>
public sealed class TamperSweepOptions
{
    /// <summary>Gets or sets how many byte positions are flipped over the whole corpus (spread over every region).</summary>
    public int Positions { get; set; } = 10_000;

    /// <summary>Gets or sets the seed of the corpus and of the sampled positions.</summary>
    public long Seed { get; set; } = 1;

    /// <summary>Gets or sets how many in-record cut points per record the truncation part tries (besides the boundaries).</summary>
    public int CutsPerRecord { get; set; } = 4;
}
