using System.IO;

namespace Bodycam.Sdk.Offload;

/// <summary>How the offloader makes its copies durable before a confirm lets the device delete its own.</summary>
internal interface IDestinationSync
{
    /// <summary>Writes a copied file's bytes through to the disk (before it is renamed to its final name).</summary>
    /// <param name="file">The ".part" file, complete.</param>
    void FlushFile(FileStream file);

    /// <summary>Writes a folder's entries (the renames into it) through to the disk.</summary>
    /// <param name="folder">The device's folder.</param>
    void FlushFolder(string folder);
}
