using System;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>
/// What a device did, one line per event in order (states, cues, LEDs, audit records, what reached the writer).
/// Lines use numbers, not enum names, so the net10.0 and nanoCLR runs print the same text.
/// </summary>
public sealed class Trace
{
    private string[] _lines = new string[256];
    private int _count;

    /// <summary>Gets the number of lines.</summary>
    public int Count => _count;

    /// <summary>Gets or sets the clock the lines are stamped with.</summary>
    public ManualClock? Clock { get; set; }

    /// <summary>Adds a line stamped with the clock.</summary>
    /// <param name="text">The event.</param>
    public void Add(string text)
    {
        long now = Clock != null ? Clock.Now : 0;
        if (_count == _lines.Length)
        {
            string[] grown = new string[_lines.Length * 2];
            Array.Copy(_lines, grown, _count);
            _lines = grown;
        }

        _lines[_count++] = now.ToString() + " " + text;
    }

    /// <summary>Gets one line.</summary>
    /// <param name="index">The line number from 0.</param>
    /// <returns>The line.</returns>
    public string Line(int index)
    {
        return _lines[index];
    }

    /// <summary>Whether a line contains the text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when some line contains it.</returns>
    public bool Contains(string text)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_lines[i].IndexOf(text) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts the lines that contain the text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The count.</returns>
    public int CountOf(string text)
    {
        int n = 0;
        for (int i = 0; i < _count; i++)
        {
            if (_lines[i].IndexOf(text) >= 0)
            {
                n++;
            }
        }

        return n;
    }
}
