namespace Bodycam.Emulator.Sweeps;

/// <summary>What one kind of change (a region's byte flips, or a structural attack) gave.</summary>
public sealed class TamperFigures
{
    /// <summary>Initializes a new instance of the <see cref="TamperFigures"/> class.</summary>
    /// <param name="name">The region or attack.</param>
    public TamperFigures(string name)
    {
        Name = name;
    }

    /// <summary>Gets the region or attack name.</summary>
    public string Name { get; }

    /// <summary>Gets the number of altered files tried.</summary>
    public int Tried { get; internal set; }

    /// <summary>Gets how many of them verification without a key (device key only) reported as not intact.</summary>
    public int DetectedByVerify { get; internal set; }

    /// <summary>Gets how many of them decryption with a recipient key reported as not intact.</summary>
    public int DetectedByDecrypt { get; internal set; }

    /// <summary>Gets how many were reported, in both modes, at the place the sweep's location rule allows.</summary>
    public int Located { get; internal set; }

    /// <summary>Gets the share detected in both modes, in percent.</summary>
    public double DetectedPercent => Tried == 0 ? 100 : 100.0 * System.Math.Min(DetectedByVerify, DetectedByDecrypt) / Tried;
}
