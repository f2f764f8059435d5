namespace Bodycam.Sdk.Configuration;

/// <summary>
/// One row of the configuration document's key table (docs/configuration.md, "Keys"): the key, its range and its
/// factory value. A boolean key has the range 0..1 (false, true).
/// </summary>
/// <param name="Key">The document's key, for example <c>pre-record-window-ms</c>.</param>
/// <param name="Minimum">The smallest value (0 for false).</param>
/// <param name="Maximum">The largest value (1 for true).</param>
/// <param name="Factory">The value a document that leaves the key out gets.</param>
/// <param name="IsBoolean">True for a <c>true</c>/<c>false</c> key.</param>
public sealed record ConfigurationKey(string Key, long Minimum, long Maximum, long Factory, bool IsBoolean);
