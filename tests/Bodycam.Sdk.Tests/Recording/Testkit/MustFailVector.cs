namespace Bodycam.Sdk.Tests.Recording.Testkit;

/// <summary>A generated file that must not read as a good recording, with the keys to read it and what each mode must report.</summary>
internal sealed record MustFailVector(
    string Name,
    string TamperClass,
    string Description,
    string BaseVector,
    byte[] File,
    string DevicePublicKey,
    string RecipientPrivateKey,
    VectorExpectation Verify,
    VectorExpectation Decrypt);
