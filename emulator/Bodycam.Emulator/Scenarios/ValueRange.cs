using System.Globalization;

namespace Bodycam.Emulator.Scenarios;

/// <summary>An inclusive range of expected values (milliseconds or counts).</summary>
/// <param name="Min">Lowest accepted value.</param>
/// <param name="Max">Highest accepted value.</param>
public readonly record struct ValueRange(long Min, long Max)
{
    /// <summary>Whether <paramref name="value"/> is in the range.</summary>
    /// <param name="value">The actual value.</param>
    /// <returns>Whether it is accepted.</returns>
    public bool Contains(long value)
    {
        return value >= Min && value <= Max;
    }

    /// <summary>The range as durations (<c>120s..125s</c>).</summary>
    /// <returns>The text.</returns>
    public string FormatDuration()
    {
        return Min == Max ? Quantity.FormatDuration(Min) : Quantity.FormatDuration(Min) + ".." + Quantity.FormatDuration(Max);
    }

    /// <summary>The range as counts (<c>1..3</c>).</summary>
    /// <returns>The text.</returns>
    public string FormatCount()
    {
        return Min == Max ? Min.ToString(CultureInfo.InvariantCulture) : Min.ToString(CultureInfo.InvariantCulture) + ".." + Max.ToString(CultureInfo.InvariantCulture);
    }
}
