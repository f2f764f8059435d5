using System.Collections.Generic;

namespace Bodycam.Emulator.Scenarios;

/// <summary>What an <c>offload</c> step did: one line per recording, and how many were confirmed (and so deleted).</summary>
/// <param name="Confirmed">Recordings copied, verified with the reader and confirmed.</param>
/// <param name="Failed">Recordings that could not be copied or verified (the device keeps them).</param>
/// <param name="Lines">One line per recording: its id, status and detail.</param>
/// <param name="Error">Why the offload could not run at all (not docked, link failed, refused), or null.</param>
public sealed record OffloadReport(int Confirmed, int Failed, IReadOnlyList<string> Lines, string? Error = null);
