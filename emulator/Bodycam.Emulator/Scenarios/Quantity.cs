using System;
using System.Globalization;

namespace Bodycam.Emulator.Scenarios;

/// <summary>Parsing of the scenario language's units: durations, sizes, bitrates and percentages.</summary>
public static class Quantity
{
    /// <summary>
    /// Parses a duration: one or more number+unit parts (<c>500ms</c>, <c>90s</c>, <c>2m</c>, <c>10h</c>,
    /// <c>1m30s</c>, <c>1.5s</c>) into milliseconds.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="milliseconds">The duration.</param>
    /// <returns>Whether the text is a duration.</returns>
    public static bool TryParseDuration(string text, out long milliseconds)
    {
        milliseconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        int i = 0;
        double total = 0;
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
            {
                return false;
            }

            int unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            double factor = s.Substring(unitStart, i - unitStart) switch
            {
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => -1,
            };
            if (factor < 0)
            {
                return false;
            }

            total += value * factor;
        }

        if (total > long.MaxValue / 2)
        {
            return false;
        }

        milliseconds = (long)Math.Round(total);
        return true;
    }

    /// <summary>Parses a duration or a range of durations (<c>120s..125s</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="range">The range (a single value gives an exact range).</param>
    /// <returns>Whether the text is a duration or range.</returns>
    public static bool TryParseDurationRange(string text, out ValueRange range)
    {
        range = default;
        if (text == null)
        {
            return false;
        }

        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (!TryParseDuration(text, out long exact))
            {
                return false;
            }

            range = new ValueRange(exact, exact);
            return true;
        }

        if (!TryParseDuration(text.Substring(0, dots), out long min) || !TryParseDuration(text.Substring(dots + 2), out long max) || max < min)
        {
            return false;
        }

        range = new ValueRange(min, max);
        return true;
    }

    /// <summary>Parses a count or a range of counts (<c>2</c>, <c>1..3</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="range">The range.</param>
    /// <returns>Whether the text is a count or range.</returns>
    public static bool TryParseCountRange(string text, out ValueRange range)
    {
        range = default;
        if (text == null)
        {
            return false;
        }

        int dots = text.IndexOf("..", StringComparison.Ordinal);
        string low = dots < 0 ? text : text.Substring(0, dots);
        string high = dots < 0 ? text : text.Substring(dots + 2);
        if (!long.TryParse(low.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long min)
            || !long.TryParse(high.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long max) || max < min)
        {
            return false;
        }

        range = new ValueRange(min, max);
        return true;
    }

    /// <summary>Parses a size in bytes: <c>1000</c>, <c>512B</c>, <c>64KB</c>, <c>2MB</c>, <c>32GB</c> (powers of 1000) or <c>KiB/MiB/GiB</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="bytes">The size.</param>
    /// <returns>Whether the text is a size.</returns>
    public static bool TryParseBytes(string text, out long bytes)
    {
        bytes = 0;
        if (!TrySplitNumberAndUnit(text, out double value, out string unit))
        {
            return false;
        }

        double factor = unit switch
        {
            "" or "B" => 1,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "KiB" => 1024,
            "MiB" => 1024 * 1024,
            "GiB" => 1024.0 * 1024 * 1024,
            _ => -1,
        };
        if (factor < 0)
        {
            return false;
        }

        bytes = (long)Math.Round(value * factor);
        return true;
    }

    /// <summary>Parses a bitrate: <c>4Mbit/s</c>, <c>800kbit/s</c>, <c>4000000</c> (bits per second).</summary>
    /// <param name="text">The text.</param>
    /// <param name="bitsPerSecond">The bitrate.</param>
    /// <returns>Whether the text is a bitrate.</returns>
    public static bool TryParseBitrate(string text, out long bitsPerSecond)
    {
        bitsPerSecond = 0;
        if (!TrySplitNumberAndUnit(text, out double value, out string unit))
        {
            return false;
        }

        double factor = unit switch
        {
            "" or "bit/s" => 1,
            "kbit/s" => 1e3,
            "Mbit/s" => 1e6,
            _ => -1,
        };
        if (factor < 0)
        {
            return false;
        }

        bitsPerSecond = (long)Math.Round(value * factor);
        return bitsPerSecond > 0;
    }

    /// <summary>Parses a percentage <c>0%</c>..<c>100%</c> (the sign is optional).</summary>
    /// <param name="text">The text.</param>
    /// <param name="percent">The percentage.</param>
    /// <returns>Whether the text is a percentage in range.</returns>
    public static bool TryParsePercent(string text, out double percent)
    {
        percent = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        if (s.EndsWith('%'))
        {
            s = s.Substring(0, s.Length - 1);
        }

        return double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out percent) && percent >= 0 && percent <= 100;
    }

    /// <summary>Formats milliseconds the way the language writes them (<c>2m5.250s</c>, <c>500ms</c>).</summary>
    /// <param name="milliseconds">The duration.</param>
    /// <returns>The text.</returns>
    public static string FormatDuration(long milliseconds)
    {
        if (milliseconds < 1000)
        {
            return milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
        }

        long h = milliseconds / 3_600_000;
        long m = milliseconds / 60_000 % 60;
        long s = milliseconds / 1000 % 60;
        long ms = milliseconds % 1000;
        string text = string.Empty;
        if (h > 0)
        {
            text += h.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (m > 0)
        {
            text += m.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (s > 0 || ms > 0)
        {
            text += s.ToString(CultureInfo.InvariantCulture);
            if (ms > 0)
            {
                text += "." + ms.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
            }

            text += "s";
        }

        return text;
    }

    // A decimal number followed by an optional unit ("2.5MB", "4Mbit/s", "1000"): the number and the trimmed unit.
    private static bool TrySplitNumberAndUnit(string text, out double value, out string unit)
    {
        value = 0;
        unit = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        int i = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            i++;
        }

        if (i == 0 || !double.TryParse(s.AsSpan(0, i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        unit = s.Substring(i).Trim();
        return true;
    }
}
