using System.Collections.Generic;

namespace Bodycam.Emulator.Scenarios;

/// <summary>The recordings on an emulated device's storage.</summary>
/// <param name="Count">Number of recordings (from the storage manager's index).</param>
/// <param name="Recordings">Each recording verified and decrypted, oldest first.</param>
public sealed record RecordingsReport(int Count, IReadOnlyList<RecordingSummary> Recordings);
