namespace Bodycam.Emulator.Board;

/// <summary>One mutating operation that succeeded on <see cref="SimulatedStorage"/>.</summary>
/// <param name="Number">Its number: <see cref="SimulatedStorage.OperationCount"/> after it (from 1, across reboots).</param>
/// <param name="Kind">What it did.</param>
/// <param name="Name">The file it touched.</param>
/// <param name="Length">The file's length after it (0 after a delete).</param>
public sealed record StorageOperation(int Number, StorageOperationKind Kind, string Name, long Length);
