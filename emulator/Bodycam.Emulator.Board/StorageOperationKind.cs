namespace Bodycam.Emulator.Board;

/// <summary>A mutating operation on <see cref="SimulatedStorage"/>.</summary>
public enum StorageOperationKind
{
    /// <summary>A file was created.</summary>
    Create = 1,

    /// <summary>Bytes were appended (not yet durable).</summary>
    Append = 2,

    /// <summary>A file was flushed (everything written so far is durable).</summary>
    Flush = 3,

    /// <summary>A file was cut to a length (durable).</summary>
    Truncate = 4,

    /// <summary>A file was deleted.</summary>
    Delete = 5,
}
