using System;

namespace Bodycam.Sdk.Dock;

/// <summary>A frame read from a device. The payload is valid only until the next read from the same reader.</summary>
/// <param name="Type">The type byte (a request type with the response flag, or the error type).</param>
/// <param name="RequestId">The request id it answers.</param>
/// <param name="Payload">The payload bytes.</param>
public readonly record struct DockFrame(byte Type, ushort RequestId, ReadOnlyMemory<byte> Payload);
