using System;

namespace Bodycam.Emulator.Scenarios;

/// <summary>A scenario file is invalid; the message names the file, line and column.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why the file was rejected.</param>
    /// <param name="file">The file (as given on the command line).</param>
    /// <param name="line">1-based line, 0 when unknown.</param>
    /// <param name="column">1-based column, 0 when unknown.</param>
    /// <param name="detail">What is wrong.</param>
    public ScenarioException(ScenarioErrorKind kind, string file, int line, int column, string detail)
        : base(file + ":" + line + ":" + column + ": " + detail)
    {
        Kind = kind;
        File = file;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>Why the file was rejected.</summary>
    public ScenarioErrorKind Kind { get; }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }
}
