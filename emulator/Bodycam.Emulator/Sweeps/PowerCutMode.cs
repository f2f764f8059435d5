namespace Bodycam.Emulator.Sweeps;

/// <summary>What a power cut does to the writes in flight (the three fault models of the power-cut sweep).</summary>
public enum PowerCutMode
{
    /// <summary>Every write that returned lands whole, flushed or not (a card that had written them already).</summary>
    WholeWrites = 1,

    /// <summary>A prefix of the unflushed tail, including the write in flight, lands (length drawn from a seeded source).</summary>
    TornWrites = 2,

    /// <summary>Everything written since a file's last flush is lost.</summary>
    UnsyncedDropped = 3,
}
