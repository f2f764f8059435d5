namespace Bodycam.Cli.Vault;

/// <summary>The exit code <c>bodycam vault</c> adds to <see cref="ExitCodes"/>.</summary>
public static class VaultExitCodes
{
    /// <summary>The vault refused the action: missing role, no approved request, four eyes, training, not found in your municipality.</summary>
    public const int Refused = 6;
}
