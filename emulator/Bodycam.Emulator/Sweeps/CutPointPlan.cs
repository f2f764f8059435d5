using System;
using System.Collections.Generic;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// Which operations of a run a sweep interrupts: all of them when the run is short (or when asked), otherwise a
/// logarithmic set from both ends (the boot and the close, where the state changes most) plus a seeded random sample
/// of the middle, as littlefs's power-loss tests do for long runs.
/// </summary>
public sealed class CutPointPlan
{
    /// <summary>Gets a value indicating whether every operation is tried, however long the run.</summary>
    public bool Exhaustive { get; init; }

    /// <summary>Gets the run length (operations) up to which every operation is tried.</summary>
    public int LinearLimit { get; init; } = 400;

    /// <summary>Gets a value indicating whether a longer run gets the logarithmic set (1, 2, 4, ... from each end).</summary>
    public bool Logarithmic { get; init; } = true;

    /// <summary>Gets the size of the random sample added for a longer run.</summary>
    public int Sample { get; init; } = 64;

    /// <summary>Gets the seed of the sample.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Selects operation numbers in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    /// <param name="first">The first operation of the run.</param>
    /// <param name="last">The last operation of the run.</param>
    /// <returns>The numbers, ascending, each once.</returns>
    public IReadOnlyList<int> Select(int first, int last)
    {
        var points = new SortedSet<int>();
        if (last < first)
        {
            return new List<int>();
        }

        int count = last - first + 1;
        if (Exhaustive || count <= LinearLimit)
        {
            for (int k = first; k <= last; k++)
            {
                points.Add(k);
            }

            return new List<int>(points);
        }

        if (Logarithmic)
        {
            for (long step = 1; step <= count; step *= 2)
            {
                points.Add(first + (int)step - 1);
                points.Add(last - (int)step + 1);
            }
        }

        var random = new Random(Seed);
        int wanted = points.Count + Math.Min(Sample, count - points.Count);
        while (points.Count < wanted)
        {
            points.Add(first + random.Next(count));
        }

        return new List<int>(points);
    }
}
