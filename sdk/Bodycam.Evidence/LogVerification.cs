namespace Bodycam.Evidence;

/// <summary>The outcome of checking a municipality's access log.</summary>
/// <param name="Valid">True when every entry links to the one before, every hash recomputes, and the head matches.</param>
/// <param name="Entries">Entries read.</param>
/// <param name="FirstBadSequence">The first entry that fails (missing, changed or out of order), or 0 when valid.</param>
/// <param name="Reason">Why it fails, or null.</param>
/// <param name="HeadHash">The last entry's hash: write it down elsewhere to detect a rewrite of the whole log.</param>
public sealed record LogVerification(bool Valid, long Entries, long FirstBadSequence, string? Reason, string HeadHash);
