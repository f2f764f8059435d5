using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Emulator.Tests.Recording;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Tamper;

/// <summary>
/// Verify (device key only), export (decrypting) and the evidence report give the same status for the same set of
/// files, and the export holds no media the status leaves out (docs/recording-format.md, "6.3 A set of files").
/// </summary>
public class RecordingSetAgreementTests
{
    [Fact]
    public void LastContinuationMissing_IsTruncatedInBothModesAndInTheReport()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;
        List<byte[]> given = files.Take(files.Count - 1).ToList();

        RecordingSetResult verify = Assess(rig, given, decrypt: false);
        RecordingSetResult decrypt = Assess(rig, given, decrypt: true);
        EvidenceInput input = EvidenceInput.FromRecordingSet(Names(given), decrypt);

        Assert.Equal(RecordingStatus.Truncated, verify.Status);
        Assert.Equal(RecordingStatus.Truncated, decrypt.Status);
        Assert.Equal(EvidenceStatus.Truncated, input.Status);
        Assert.Equal(verify.Detail, decrypt.Detail);
        Assert.Contains("which is missing", verify.Detail);
        Assert.Equal(given.Count, decrypt.IncludedFiles);
    }

    [Fact]
    public void FirstFileMissing_IsTamperedAndExportsNoMedia()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;
        List<byte[]> given = files.Skip(1).ToList();

        RecordingSetResult verify = Assess(rig, given, decrypt: false);
        RecordingSetResult decrypt = Assess(rig, given, decrypt: true);
        EvidenceInput input = EvidenceInput.FromRecordingSet(Names(given), decrypt);

        Assert.Equal(RecordingStatus.Tampered, verify.Status);
        Assert.Equal(RecordingFormatError.ContinuationMismatch, decrypt.Error);
        Assert.Equal(0, decrypt.IncludedFiles);
        Assert.Equal(EvidenceStatus.Tampered, input.Status);
        Assert.Empty(input.Frames);
        Assert.Empty(input.MarkerMilliseconds);
        Assert.All(input.RecordingFiles, f => Assert.False(f.Included));
    }

    [Fact]
    public void FilesSwapped_ExportsOnlyTheFilesBeforeTheBreak()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;
        Assert.True(files.Count >= 3);
        List<byte[]> given = [files[0], files[2], files[1], .. files.Skip(3)];

        RecordingSetResult verify = Assess(rig, given, decrypt: false);
        RecordingSetResult decrypt = Assess(rig, given, decrypt: true);
        EvidenceInput input = EvidenceInput.FromRecordingSet(Names(given), decrypt);

        Assert.Equal(RecordingStatus.Tampered, verify.Status);
        Assert.Equal(RecordingStatus.Tampered, decrypt.Status);
        Assert.Equal(1, decrypt.IncludedFiles);
        Assert.Equal(decrypt.Files[0].Result!.Frames, input.Frames);
        Assert.Contains("does not continue", input.StatusDetail);
    }

    [Fact]
    public void AllFiles_AreCompleteEverywhere()
    {
        (RecordingRig rig, List<byte[]> files) = Continued();
        using RecordingRig _ = rig;

        RecordingSetResult verify = Assess(rig, files, decrypt: false);
        RecordingSetResult decrypt = Assess(rig, files, decrypt: true);
        EvidenceInput input = EvidenceInput.FromRecordingSet(Names(files), decrypt);

        Assert.True(verify.Verified);
        Assert.Equal(RecordingStatus.Complete, decrypt.Status);
        Assert.Equal(EvidenceStatus.Complete, input.Status);
        Assert.Equal(files.Count, decrypt.IncludedFiles);
        Assert.All(input.RecordingFiles, f => Assert.Equal(f.Segments, f.SignedSegments));
        Assert.All(input.RecordingFiles, f => Assert.NotNull(f.SignedLastMilliseconds));
    }

    [Fact]
    public void SegmentThatDoesNotParse_ExportKeepsNoneOfItsEntries()
    {
        // Odd-length PCM is not whole 16-bit samples: the first segment does not parse. Before, its first video frame
        // (parsed before the bad audio block) still reached the export although the report excluded the segment.
        using var rig = new RecordingRig();
        byte[] file = rig.FirstFile(rig.Record(3000, audioSize: 161));

        RecordingResult result = new RecordingReader(file).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0]);
        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a-000.bcr" }, new[] { result });

        Assert.Equal(RecordingStatus.Tampered, result.Status);
        Assert.Equal(RecordingFormatError.MalformedSegmentPlaintext, result.Error);
        Assert.Equal(1, result.FailedRecordIndex); // record 0 is the open record (format version 2)
        Assert.Empty(result.Frames);
        Assert.Empty(input.Frames);
    }

    [Fact]
    public void CutFileWithNothingSigned_SaysSoInTheDetail()
    {
        using var rig = new RecordingRig();
        byte[] file = rig.FirstFile(rig.Record(3000));
        RecordingSetResult set = RecordingFileSet.Assess(new[]
        {
            new RecordingSetFile("a-000.bcr", new RecordingReader(file.AsMemory(0, file.Length / 4)).Verify(rig.DevicePublicKey)),
        });

        Assert.Equal(RecordingStatus.Truncated, set.Status);
        Assert.Equal(0, set.IncludedSignedSegments);
        Assert.Contains("nothing in it is device-signed", set.Detail);
    }

    [Fact]
    public void FileCutInsideItsHeader_IsTruncatedWithNothingInIt()
    {
        using var rig = new RecordingRig();
        byte[] file = rig.FirstFile(rig.Record(1000));
        RecordingFormatException refused = Assert.Throws<RecordingFormatException>(() => new RecordingReader(file.AsMemory(0, 100)).Verify(rig.DevicePublicKey));

        RecordingSetResult set = RecordingFileSet.Assess(new[] { new RecordingSetFile("a-000.bcr", refused) });

        Assert.Equal(RecordingStatus.Truncated, set.Status);
        Assert.Equal(RecordingFormatError.TruncatedHeader, set.Error);
        Assert.False(set.Verified);
    }

    private static (RecordingRig Rig, List<byte[]> Files) Continued()
    {
        var options = RecordingRig.SmallOptions();
        options.FileMaxMilliseconds = 2000;
        var rig = new RecordingRig(options: options);
        string id = rig.Record(5500);
        return (rig, rig.Store.ListFiles(id).Select(rig.ReadFile).ToList());
    }

    private static List<string> Names(List<byte[]> files) => files.Select((_, i) => "f" + i + ".bcr").ToList();

    private static RecordingSetResult Assess(RecordingRig rig, List<byte[]> files, bool decrypt) =>
        RecordingFileSet.Assess(files.Select((f, i) => new RecordingSetFile(
            "f" + i + ".bcr",
            decrypt
                ? new RecordingReader(f).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0])
                : new RecordingReader(f).Verify(rig.DevicePublicKey))).ToList());
}
