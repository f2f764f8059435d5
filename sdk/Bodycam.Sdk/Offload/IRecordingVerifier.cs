using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Bodycam.Sdk.Offload;

/// <summary>Checks an offloaded recording before the device is told to delete it.</summary>
public interface IRecordingVerifier
{
    /// <summary>Verifies a recording's files (structure, hash chain and device signatures).</summary>
    /// <param name="filePaths">The recording's files on the host, in order.</param>
    /// <param name="devicePublicKey">The device's Ed25519 public key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The outcome.</returns>
    Task<RecordingCheck> VerifyAsync(IReadOnlyList<string> filePaths, ReadOnlyMemory<byte> devicePublicKey, CancellationToken cancellationToken);
}
