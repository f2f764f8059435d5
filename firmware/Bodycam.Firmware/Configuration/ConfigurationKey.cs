namespace Bodycam.Firmware.Configuration;

/// <summary>
/// One row of the configuration document's key table (docs/configuration.md, "Keys"): the document's key, the
/// <see cref="DeviceConfiguration"/> property it sets, its range and its factory value. A boolean key has the range
/// 0..1 (false, true).
/// </summary>
public sealed class ConfigurationKey
{
    /// <summary>Initializes a new instance of the <see cref="ConfigurationKey"/> class.</summary>
    /// <param name="index">The key's position in <see cref="ConfigurationSchema"/>'s table.</param>
    /// <param name="key">The document's key.</param>
    /// <param name="field">The <see cref="DeviceConfiguration"/> property.</param>
    /// <param name="minimum">The smallest value.</param>
    /// <param name="maximum">The largest value.</param>
    /// <param name="factory">The value a document that leaves the key out gets.</param>
    /// <param name="isBoolean">True for a <c>true</c>/<c>false</c> key.</param>
    public ConfigurationKey(int index, string key, string field, long minimum, long maximum, long factory, bool isBoolean)
    {
        Index = index;
        Key = key;
        Field = field;
        Minimum = minimum;
        Maximum = maximum;
        Factory = factory;
        IsBoolean = isBoolean;
    }

    /// <summary>Gets the key's position in the table (docs/configuration.md's order).</summary>
    public int Index { get; }

    /// <summary>Gets the document's key, for example <c>pre-record-window-ms</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the name of the <see cref="DeviceConfiguration"/> property the key sets.</summary>
    public string Field { get; }

    /// <summary>Gets the smallest value (0 for false).</summary>
    public long Minimum { get; }

    /// <summary>Gets the largest value (1 for true).</summary>
    public long Maximum { get; }

    /// <summary>Gets the factory value.</summary>
    public long Factory { get; }

    /// <summary>Gets a value indicating whether the key takes <c>true</c> or <c>false</c> rather than digits.</summary>
    public bool IsBoolean { get; }
}
