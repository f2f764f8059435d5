using System.Collections.Generic;

namespace Bodycam.Sdk.Export;

/// <summary>A finished evidence bundle.</summary>
/// <param name="Directory">The bundle folder.</param>
/// <param name="Files">Every file in the bundle except SHA256SUMS, sorted by path, with its hash.</param>
/// <param name="Export">What the AVI export wrote, or null when the bundle holds raw streams instead.</param>
/// <param name="ExportNote">Why there is no AVI export (codec, size), or null when there is one.</param>
public sealed record EvidenceBundle(
    string Directory,
    IReadOnlyList<EvidenceFile> Files,
    AviExportResult? Export,
    string? ExportNote);
