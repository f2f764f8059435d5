using System;

namespace Bodycam.Firmware.Configuration;

/// <summary>A configuration value lies outside its allowed range, or a configuration document is malformed.</summary>
public class ConfigurationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ConfigurationException"/> class.</summary>
    /// <param name="field">The name of the offending setting.</param>
    /// <param name="value">The rejected value.</param>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    public ConfigurationException(string field, long value, long minimum, long maximum)
        : base(field + " = " + value.ToString() + " is outside " + minimum.ToString() + ".." + maximum.ToString())
    {
        Field = field;
        Value = value;
        Minimum = minimum;
        Maximum = maximum;
        Reason = ConfigurationError.OutOfRange;
    }

    /// <summary>Initializes a new instance of the <see cref="ConfigurationException"/> class for a malformed document.</summary>
    /// <param name="reason">Why the document was rejected.</param>
    /// <param name="field">The offending key (or "line N" when no key could be read).</param>
    /// <param name="message">What is wrong, for people (never a secret).</param>
    public ConfigurationException(ConfigurationError reason, string field, string message)
        : base(message)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ConfigurationException"/> class for a value that is out of the
    /// range another setting gives it, with a message naming both.
    /// </summary>
    /// <param name="field">The name of the offending setting.</param>
    /// <param name="otherField">The name of the setting that sets the range.</param>
    /// <param name="value">The rejected value.</param>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    /// <param name="message">What is wrong and what to do, naming both settings.</param>
    public ConfigurationException(string field, string otherField, long value, long minimum, long maximum, string message)
        : base(message)
    {
        Field = field;
        OtherField = otherField;
        Value = value;
        Minimum = minimum;
        Maximum = maximum;
        Reason = ConfigurationError.OutOfRange;
    }

    /// <summary>Gets why the value or document was rejected.</summary>
    public ConfigurationError Reason { get; }

    /// <summary>Gets the name of the offending setting (a <see cref="DeviceConfiguration"/> property name, or a configuration document's key).</summary>
    public string Field { get; }

    /// <summary>Gets the name of the other setting a dependent range comes from, or an empty string.</summary>
    public string OtherField { get; } = string.Empty;

    /// <summary>Gets the rejected value.</summary>
    public long Value { get; }

    /// <summary>Gets the smallest allowed value.</summary>
    public long Minimum { get; }

    /// <summary>Gets the largest allowed value.</summary>
    public long Maximum { get; }

    /// <summary>
    /// Builds the error for a pre-record window (not 0) shorter than the camera's key-frame interval: the window may
    /// be 0 or from the interval to its maximum.
    /// </summary>
    /// <param name="windowField">The window's name (a property or a document key).</param>
    /// <param name="intervalField">The key-frame interval's name.</param>
    /// <param name="window">The window in ms.</param>
    /// <param name="interval">The key-frame interval in ms.</param>
    /// <param name="maximum">The largest window.</param>
    /// <returns>The exception, naming both settings.</returns>
    public static ConfigurationException WindowShorterThanKeyFrameInterval(string windowField, string intervalField, long window, long interval, long maximum)
    {
        return new ConfigurationException(
            windowField,
            intervalField,
            window,
            interval,
            maximum,
            windowField + " = " + window.ToString() + " is shorter than the camera's key-frame interval " + intervalField
            + " = " + interval.ToString() + ": set " + windowField + " to 0 (no pre-record) or to " + interval.ToString()
            + ".." + maximum.ToString() + ", or give the camera a key-frame interval of at most the window");
    }
}
