using System;

namespace Bodycam.Sdk.Dock;

/// <summary>The configuration document a device stores (the ReadConfiguration command).</summary>
/// <param name="Sequence">Its sequence number; 0 when only the factory defaults exist.</param>
/// <param name="Document">The document as pushed (empty for the factory defaults).</param>
public sealed record StoredConfiguration(long Sequence, ReadOnlyMemory<byte> Document);
