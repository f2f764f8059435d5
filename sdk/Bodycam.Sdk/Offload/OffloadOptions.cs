namespace Bodycam.Sdk.Offload;

/// <summary>Where and how an offload stores recordings.</summary>
public sealed class OffloadOptions
{
    /// <summary>Gets or sets the destination folder; each device gets a subfolder named by its id.</summary>
    public string Destination { get; set; } = ".";

    /// <summary>Gets or sets how often a dropped link is reconnected (resuming the file) before giving up. Default 3.</summary>
    public int MaxReconnects { get; set; } = 3;

    /// <summary>Gets or sets a value indicating whether verified recordings are confirmed (deleted on the device). Default true.</summary>
    public bool Confirm { get; set; } = true;
}
