using System;

namespace Bodycam.Sdk.Configuration;

/// <summary>A configuration document the device would refuse (docs/configuration.md).</summary>
public sealed class ConfigurationDocumentException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ConfigurationDocumentException"/> class.</summary>
    /// <param name="field">The offending key, or "line N".</param>
    /// <param name="message">What is wrong.</param>
    public ConfigurationDocumentException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>Gets the offending key, or "line N" when no key could be read.</summary>
    public string Field { get; }
}
