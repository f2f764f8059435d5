namespace Bodycam.Evidence;

/// <summary>What an export under a request produced.</summary>
/// <param name="Directory">The export folder.</param>
/// <param name="BundleDirectory">The evidence bundle inside it (originals, AVI or raw streams, report, SHA256SUMS).</param>
/// <param name="CustodyReportPath">The chain-of-custody report (JSON).</param>
/// <param name="CustodyReportSha256">Its SHA-256, as the access log records it.</param>
/// <param name="LogSequence">The access log entry that records the export.</param>
public sealed record ExportResult(string Directory, string BundleDirectory, string CustodyReportPath, string CustodyReportSha256, long LogSequence);
