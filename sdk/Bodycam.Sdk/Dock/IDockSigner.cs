using System;

namespace Bodycam.Sdk.Dock;

/// <summary>Holds an Ed25519 private key (in memory, an HSM or a smart card) and signs with it.</summary>
public interface IDockSigner
{
    /// <summary>Gets the 32-byte public key.</summary>
    ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Signs a message (Ed25519, RFC 8032).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The 64-byte signature.</returns>
    byte[] Sign(ReadOnlySpan<byte> message);
}
