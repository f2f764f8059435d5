using System;

namespace Bodycam.Sdk.Dock;

/// <summary>One file of a confirm: its name and the SHA-256 of the copy the host stored and verified.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Sha256">The 32-byte digest.</param>
public sealed record OffloadConfirmation(string Name, ReadOnlyMemory<byte> Sha256);
