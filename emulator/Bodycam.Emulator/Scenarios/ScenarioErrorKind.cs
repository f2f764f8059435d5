namespace Bodycam.Emulator.Scenarios;

/// <summary>Why a scenario file was rejected.</summary>
public enum ScenarioErrorKind
{
    /// <summary>The file is not well-formed YAML.</summary>
    Syntax = 1,

    /// <summary>A key the language does not have.</summary>
    UnknownKey = 2,

    /// <summary>A step the language does not have.</summary>
    UnknownStep = 3,

    /// <summary>A value of the wrong form (a duration, percent, state name...).</summary>
    InvalidValue = 4,

    /// <summary>A required key is missing.</summary>
    MissingKey = 5,

    /// <summary>The file could not be read.</summary>
    Unreadable = 6,

    /// <summary>The file is larger than <see cref="ScenarioParser.MaxBytes"/> or nests deeper than <see cref="ScenarioParser.MaxDepth"/>.</summary>
    TooLarge = 7,
}
