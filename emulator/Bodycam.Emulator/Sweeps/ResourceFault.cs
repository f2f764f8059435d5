namespace Bodycam.Emulator.Sweeps;

/// <summary>A storage fault the resource sweep injects at one operation.</summary>
public enum ResourceFault
{
    /// <summary>From that operation on, every write fails with <c>StorageError.Full</c> (a card that reports itself full).</summary>
    StorageFull = 1,

    /// <summary>From that operation on, every write fails with <c>StorageError.IoError</c> (a failing or removed card).</summary>
    WriteError = 2,

    /// <summary>Where that operation starts the card has 4 KiB left (it really fills: the writer's own free-space checks meet it).</summary>
    CardFills = 3,
}
