using System;

namespace Bodycam.Firmware.Configuration;

/// <summary>A configuration value lies outside its allowed range.</summary>
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
    }

    /// <summary>Gets the name of the offending setting (the <see cref="DeviceConfiguration"/> property name).</summary>
    public string Field { get; }

    /// <summary>Gets the rejected value.</summary>
    public long Value { get; }

    /// <summary>Gets the smallest allowed value.</summary>
    public long Minimum { get; }

    /// <summary>Gets the largest allowed value.</summary>
    public long Maximum { get; }
}
