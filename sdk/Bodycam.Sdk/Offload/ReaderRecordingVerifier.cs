using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Recording;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// Verifies recording files on disk with the recording reader (structure, hash chain, device signatures; no key
/// needed) and, for continuation files, that each file continues the one before. Complete and closed-by-recovery
/// recordings pass; truncated or tampered ones do not, so they stay on the device. These are exactly the checks the
/// <see cref="Offloader"/> runs on the bytes as it receives them, so given this verifier it does not run it again
/// (the files are not read back).
/// </summary>
public sealed class ReaderRecordingVerifier : IRecordingVerifier
{
    /// <inheritdoc/>
    public Task<RecordingCheck> VerifyAsync(IReadOnlyList<string> filePaths, ReadOnlyMemory<byte> devicePublicKey, CancellationToken cancellationToken)
    {
        return Task.Run(() => Verify(filePaths, devicePublicKey), cancellationToken);
    }

    private static RecordingCheck Verify(IReadOnlyList<string> filePaths, ReadOnlyMemory<byte> devicePublicKey)
    {
        var results = new List<RecordingResult>(filePaths.Count);
        foreach (string path in filePaths)
        {
            RecordingResult? result = RecordingChecks.CheckFile(path, File.ReadAllBytes(path), devicePublicKey.Span, out string detail);
            if (result is null)
            {
                return new RecordingCheck(false, detail);
            }

            results.Add(result);
        }

        return RecordingChecks.CheckSet(filePaths, results);
    }
}
