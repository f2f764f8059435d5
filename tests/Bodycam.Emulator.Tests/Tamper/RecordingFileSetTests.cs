using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Bodycam.Emulator.Tests.Recording;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Tamper;

public class RecordingFileSetTests
{
    [Fact]
    public void Verify_AllFilesInOrder_Passes()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;

        RecordingFileSet.Verify(Read(rig, files, false));

        Assert.True(files.Count >= 3);
    }

    [Fact]
    public void Verify_LastFileDropped_ThrowsContinuationMismatch()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;

        var ex = Assert.Throws<RecordingFormatException>(() => RecordingFileSet.Verify(Read(rig, files.Take(files.Count - 1), false)));

        Assert.Equal(RecordingFormatError.ContinuationMismatch, ex.Error);
    }

    [Fact]
    public void Verify_FirstFileDropped_ThrowsContinuationMismatch()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;

        var ex = Assert.Throws<RecordingFormatException>(() => RecordingFileSet.Verify(Read(rig, files.Skip(1), false)));

        Assert.Equal(RecordingFormatError.ContinuationMismatch, ex.Error);
    }

    [Fact]
    public void EvidenceInput_LastFileDropped_IsTruncatedNotComplete()
    {
        // Regression: the bundle called a recording complete when its later continuation files were missing.
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;
        List<RecordingResult> results = Read(rig, files.Take(2), true);

        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a-000.bcr", "a-001.bcr" }, results);

        Assert.Equal(EvidenceStatus.Truncated, input.Status);
    }

    [Fact]
    public void EvidenceInput_FirstFileDropped_IsTamperedNotComplete()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;
        List<RecordingResult> results = Read(rig, files.Skip(1), true);

        EvidenceInput input = EvidenceInput.FromRecording(results.Select((_, i) => "f" + i + ".bcr").ToList(), results);

        Assert.Equal(EvidenceStatus.Tampered, input.Status);
    }

    [Fact]
    public async System.Threading.Tasks.Task ReaderRecordingVerifier_LastFileDropped_NotVerified()
    {
        // Regression: the offload verifier passed a set of files that stopped before the recording's last file.
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;
        string folder = Directory.CreateTempSubdirectory("bodycam-fileset-").FullName;
        try
        {
            var paths = new List<string>();
            for (int i = 0; i < files.Count - 1; i++)
            {
                paths.Add(Path.Combine(folder, "r-" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + ".bcr"));
                File.WriteAllBytes(paths[i], files[i]);
            }

            RecordingCheck partial = await new ReaderRecordingVerifier().VerifyAsync(paths, rig.DevicePublicKey, CancellationToken.None);

            Assert.False(partial.Verified);
            Assert.Contains("ContinuationMismatch", partial.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static (RecordingRig Rig, List<byte[]> Files) Continued()
    {
        var options = RecordingRig.SmallOptions();
        options.FileMaxMilliseconds = 2000;
        var rig = new RecordingRig(options: options);
        string id = rig.Record(5500);
        return (rig, rig.Store.ListFiles(id).Select(rig.ReadFile).ToList());
    }

    private static List<RecordingResult> Read(RecordingRig rig, IEnumerable<byte[]> files, bool decrypt) =>
        files.Select(f => decrypt
            ? new RecordingReader(f).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0])
            : new RecordingReader(f).Verify(rig.DevicePublicKey)).ToList();
}
