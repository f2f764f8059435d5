using System;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// One file of a ConfirmRecordingChain (docs/dock-protocol.md, "ConfirmRecordingChain"): its name, its length and the
/// final chain hash of the copy the host stored and verified (<see cref="Recording.RecordingResult.FinalChainHash"/>
/// of a complete or closed-by-recovery file: the chain value after its close record).
/// </summary>
/// <param name="Name">The file name.</param>
/// <param name="Length">The file's length in bytes.</param>
/// <param name="FinalChainHash">The 32-byte final chain hash.</param>
public sealed record ChainConfirmation(string Name, long Length, ReadOnlyMemory<byte> FinalChainHash);
