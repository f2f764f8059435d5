namespace Bodycam.Emulator.Board;

/// <summary>What a power cut does to data written to <see cref="SimulatedStorage"/> but not yet flushed.</summary>
public enum TornWriteMode
{
    /// <summary>Everything written since the file's last flush is lost.</summary>
    DropUnsynced = 0,

    /// <summary>A prefix of the unflushed bytes lands (its length drawn from the storage's seeded random source).</summary>
    TearUnsynced = 1,

    /// <summary>All unflushed bytes land (a lucky cut: the card had written them already).</summary>
    KeepUnsynced = 2,
}
