using System;

namespace Bodycam.Sdk.Recording;

/// <summary>One X25519 recipient stanza of a header: who can open the file's content key.</summary>
/// <param name="RecipientPublicKey">The recipient's X25519 public key.</param>
/// <param name="EphemeralPublicKey">The device's ephemeral X25519 share for this stanza.</param>
/// <param name="SealedContentKey">The content key sealed with AES-256-GCM (32 bytes) followed by the tag (16 bytes).</param>
/// <param name="Offset">Where the stanza starts in the file.</param>
public sealed record RecipientStanza(ReadOnlyMemory<byte> RecipientPublicKey, ReadOnlyMemory<byte> EphemeralPublicKey, ReadOnlyMemory<byte> SealedContentKey, int Offset);
