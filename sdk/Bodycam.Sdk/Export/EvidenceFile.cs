namespace Bodycam.Sdk.Export;

/// <summary>One file of an evidence bundle, as listed in its SHA256SUMS manifest.</summary>
/// <param name="RelativePath">Path inside the bundle, with '/' separators.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex.</param>
public sealed record EvidenceFile(string RelativePath, long Length, string Sha256);
