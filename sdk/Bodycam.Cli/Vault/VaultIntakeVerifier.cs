using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Evidence;
using Bodycam.Sdk.Offload;

namespace Bodycam.Cli.Vault;

/// <summary>
/// The verifier <c>offload --vault</c> gives the offloader: it takes each copied recording into the vault (which
/// verifies it with the registry's device key, not the key the device reports) and passes it only once it is
/// stored, so the device deletes a recording only after the vault holds it. With <see cref="IntakeMode.Link"/> (what
/// <c>offload --vault</c> uses on the vault's file system) the offloaded files become the vault's objects without
/// being written again, and keep their names until the offload is done with them (it may read them back to confirm
/// to an older device); <see cref="RemoveTakenSources"/> then removes those names.
/// </summary>
public sealed class VaultIntakeVerifier : IRecordingVerifier
{
    private readonly EvidenceVault _vault;
    private readonly VaultActor _actor;
    private readonly IntakeMode _mode;
    private readonly List<IntakeResult> _results = [];

    /// <summary>Initializes a new instance of the <see cref="VaultIntakeVerifier"/> class.</summary>
    /// <param name="vault">The vault.</param>
    /// <param name="actor">The intake operator running the offload.</param>
    /// <param name="mode">Copy the offloaded files into the vault, or move them (same file system).</param>
    public VaultIntakeVerifier(EvidenceVault vault, VaultActor actor, IntakeMode mode = IntakeMode.Copy)
    {
        _vault = vault;
        _actor = actor;
        _mode = mode;
    }

    /// <summary>Gets the intake results so far.</summary>
    public IReadOnlyList<IntakeResult> Results => _results;

    /// <summary>
    /// After the offload: removes the offload folder's names of the files a link intake made the vault's objects (each
    /// recording stored or already stored), leaving every other file. Nothing to do in the other modes.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public int RemoveTakenSources()
    {
        if (_mode != IntakeMode.Link)
        {
            return 0;
        }

        int removed = 0;
        foreach (IntakeResult result in _results)
        {
            removed += _vault.RemoveTakenSources(_actor, result).Count;
        }

        return removed;
    }

    /// <inheritdoc/>
    public Task<RecordingCheck> VerifyAsync(IReadOnlyList<string> filePaths, ReadOnlyMemory<byte> devicePublicKey, CancellationToken cancellationToken)
    {
        return Task.Run(
            () =>
            {
                IntakeResult result = _vault.Intake(_actor, filePaths, "offload over the dock", _mode);
                _results.Add(result);
                bool stored = result.Outcome is IntakeOutcome.Stored or IntakeOutcome.AlreadyStored;
                return new RecordingCheck(stored, "vault " + result.Outcome + ": " + result.Detail);
            },
            cancellationToken);
    }
}
