namespace Bodycam.Evidence;

/// <summary>One encrypted original file of a recording, as stored.</summary>
/// <param name="Index">Its position in the recording (0: first file).</param>
/// <param name="FileName">Its name on the device.</param>
/// <param name="Sha256">SHA-256 of its bytes, lowercase hex: also its object name.</param>
/// <param name="Bytes">Its length.</param>
public sealed record StoredFile(int Index, string FileName, string Sha256, long Bytes);
