using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Bodycam.Emulator.Sweeps;

/// <summary>The tamper sweep's figures: per flipped region, per structural attack, and what was missed.</summary>
public sealed class TamperSweepReport
{
    private const int MaxMissesKept = 50;
    private readonly List<TamperFigures> _regions = new();
    private readonly List<TamperFigures> _attacks = new();
    private readonly List<string> _misses = new();

    internal TamperSweepReport(IReadOnlyList<string> files, long corpusBytes)
    {
        Files = files;
        CorpusBytes = corpusBytes;
        foreach (TamperRegion region in Enum.GetValues<TamperRegion>())
        {
            _regions.Add(new TamperFigures(region.ToString()));
        }
    }

    /// <summary>Gets a description of each corpus file.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets the corpus size in bytes.</summary>
    public long CorpusBytes { get; }

    /// <summary>Gets the number of byte positions flipped (each read twice: verify and decrypt).</summary>
    public int PositionsFlipped { get; internal set; }

    /// <summary>Gets the figures per region flipped.</summary>
    public IReadOnlyList<TamperFigures> Regions => _regions;

    /// <summary>Gets the figures per structural attack (truncation, reordering, splicing, continuation).</summary>
    public IReadOnlyList<TamperFigures> Attacks => _attacks;

    /// <summary>Gets the number of changes not detected in both modes, or detected outside the location rule.</summary>
    public int MissCount { get; private set; }

    /// <summary>Gets up to 50 descriptions of misses.</summary>
    public IReadOnlyList<string> Misses => _misses;

    /// <summary>Gets the number of reads that threw an exception type other than the reader's documented ones.</summary>
    public int Crashes { get; internal set; }

    /// <summary>Gets the number of altered files (or file sets) tried in all.</summary>
    public int Tried => _regions.Sum(r => r.Tried) + _attacks.Sum(a => a.Tried);

    /// <summary>Writes the figures as text.</summary>
    /// <param name="output">Where to.</param>
    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("corpus: " + Files.Count + " files, " + CorpusBytes.ToString(CultureInfo.InvariantCulture) + " bytes");
        foreach (string file in Files)
        {
            output.WriteLine("  " + file);
        }

        output.WriteLine();
        output.WriteLine("byte flips: " + PositionsFlipped.ToString(CultureInfo.InvariantCulture) + " positions");
        WriteTable(output, "region", _regions);
        output.WriteLine();
        WriteTable(output, "attack", _attacks);
        output.WriteLine();
        output.WriteLine("tried " + Tried.ToString(CultureInfo.InvariantCulture) + ", missed " + MissCount.ToString(CultureInfo.InvariantCulture) + ", crashes " + Crashes.ToString(CultureInfo.InvariantCulture));
        foreach (string miss in _misses)
        {
            output.WriteLine("  MISS " + miss);
        }
    }

    internal TamperFigures Region(TamperRegion region) => _regions[(int)region];

    internal TamperFigures Attack(string name)
    {
        var figures = new TamperFigures(name);
        _attacks.Add(figures);
        return figures;
    }

    internal void Miss(string what)
    {
        MissCount++;
        if (_misses.Count < MaxMissesKept)
        {
            _misses.Add(what);
        }
    }

    private static void WriteTable(TextWriter output, string title, IReadOnlyList<TamperFigures> rows)
    {
        output.WriteLine(title.PadRight(46) + "   tried  verify%  decrypt%  located%");
        foreach (TamperFigures f in rows)
        {
            output.WriteLine(
                f.Name.PadRight(46)
                + f.Tried.ToString(CultureInfo.InvariantCulture).PadLeft(8)
                + Percent(f.DetectedByVerify, f.Tried).PadLeft(9)
                + Percent(f.DetectedByDecrypt, f.Tried).PadLeft(10)
                + Percent(f.Located, f.Tried).PadLeft(10));
        }
    }

    private static string Percent(int count, int of)
    {
        return of == 0 ? "-" : (100.0 * count / of).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
