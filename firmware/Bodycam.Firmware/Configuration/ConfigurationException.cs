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

    /// <summary>Gets why the value or document was rejected.</summary>
    public ConfigurationError Reason { get; }

    /// <summary>Gets the name of the offending setting (a <see cref="DeviceConfiguration"/> property name, or a configuration document's key).</summary>
    public string Field { get; }

    /// <summary>Gets the rejected value.</summary>
    public long Value { get; }

    /// <summary>Gets the smallest allowed value.</summary>
    public long Minimum { get; }

    /// <summary>Gets the largest allowed value.</summary>
    public long Maximum { get; }
}
