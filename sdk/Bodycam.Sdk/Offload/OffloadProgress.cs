namespace Bodycam.Sdk.Offload;

/// <summary>Progress of an offload.</summary>
/// <param name="FileName">The file being copied.</param>
/// <param name="FileBytesDone">Bytes of it on the host.</param>
/// <param name="FileLength">Its length.</param>
/// <param name="TotalBytesDone">Bytes of all files on the host.</param>
/// <param name="TotalBytes">Bytes of all files to copy.</param>
public sealed record OffloadProgress(string FileName, long FileBytesDone, long FileLength, long TotalBytesDone, long TotalBytes);
