namespace Bodycam.Sdk.Dock;

/// <summary>Answers a device's challenge (docs/dock-protocol.md, "Authentication").</summary>
public interface IDockAuthenticator
{
    /// <summary>Builds the AuthProve payload for a challenge.</summary>
    /// <param name="challenge">The challenge and the values the answer is bound to.</param>
    /// <returns>The request payload.</returns>
    byte[] Answer(DockChallenge challenge);
}
