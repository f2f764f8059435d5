using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Emulator.Sweeps;
using Bodycam.Firmware.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Sweeps;

/// <summary>The checker must see damage, or a sweep could pass without looking.</summary>
public sealed class ImageCheckerTests : IDisposable
{
    private readonly KeyRing _keys;
    private readonly SweepDevice _reference;
    private readonly ImageChecker _checker;

    public ImageCheckerTests()
    {
        var scenario = SweepScenarios.TwoShortRecordings();
        _keys = KeyRing.FromSeed(scenario.Seed);
        _reference = new SweepDevice(scenario, _keys, PowerCutMode.UnsyncedDropped);
        _reference.RunScenario();
        _checker = _reference.ReferenceChecker(_keys);
    }

    public void Dispose() => _reference.Dispose();

    [Fact]
    public void Check_UncutImage_FindsBothRecordingsIdentical()
    {
        ImageCheck check = _checker.Check(_reference.Log.Last + 1, _reference.ReadImage(), _reference.Log, false);

        Assert.Empty(check.Problems);
        Assert.Equal(2, check.FinishedIdentical);
        Assert.Equal(_reference.Device.Audit.Events.Count, check.AuditRecords);
        Assert.True(check.AuditRecords >= 5);
    }

    [Fact]
    public void Check_FlippedByteInAFinishedRecording_IsReported()
    {
        Dictionary<string, byte[]> image = _reference.ReadImage();
        string file = FinishedFiles().First();
        image[file][image[file].Length / 2] ^= 0x01;

        ImageCheck check = _checker.Check(_reference.Log.Last + 1, image, _reference.Log, false);

        Assert.Contains(check.Problems, p => p.Contains(file) && p.Contains("differs"));
    }

    [Fact]
    public void Check_FinishedRecordingMissingOrShortened_IsReported()
    {
        Dictionary<string, byte[]> image = _reference.ReadImage();
        string[] files = FinishedFiles().ToArray();
        image.Remove(files[0]);
        image[files[1]] = image[files[1]][..^10];

        ImageCheck check = _checker.Check(_reference.Log.Last + 1, image, _reference.Log, false);

        Assert.Contains(check.Problems, p => p.Contains(files[0]) && p.Contains("missing"));
        Assert.Contains(check.Problems, p => p.Contains(files[1]) && p.Contains("differs"));
    }

    [Fact]
    public void Check_DamagedRecordingAfterARealCut_IsReported()
    {
        // A real cut in the middle of the second recording, then the recovered file is damaged in a segment.
        var second = FinishedFiles().Last();
        int cut = (_reference.Log.CreatedAt(second) + _reference.Log.LastOperationOn(second)) / 2;
        using var run = new SweepDevice(SweepScenarios.TwoShortRecordings(), _keys, PowerCutMode.UnsyncedDropped);
        run.Device.Storage.CutPowerAtOperation(cut - 1);
        run.RunScenario();
        run.Reboot();
        Dictionary<string, byte[]> image = run.ReadImage();
        Assert.Empty(_checker.Check(cut, image, run.Log, false).Problems);

        image[second][image[second].Length - 200] ^= 0x80;
        ImageCheck check = _checker.Check(cut, image, run.Log, false);

        Assert.Contains(check.Problems, p => p.Contains(second) && p.Contains("open at the cut"));
    }

    [Fact]
    public void Check_RecoveryThatDroppedDurableSegments_IsReported()
    {
        // Pretend recovery kept only the header: everything that was durable at the cut is gone.
        string second = FinishedFiles().Last();
        int cut = _reference.Log.LastOperationOn(second) - 1;
        Dictionary<string, byte[]> image = _reference.ReadImage();
        byte[] original = image[second];
        int header = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(original.AsSpan(8));
        image[second] = original[..header];

        ImageCheck check = _checker.Check(cut, image, _reference.Log, false);

        Assert.Contains(check.Problems, p => p.Contains(second));
    }

    [Fact]
    public void Check_AlteredAuditTrail_IsReported()
    {
        Dictionary<string, byte[]> image = _reference.ReadImage();
        image[EmulatedDevice.AuditFileName][30] ^= 0x04;

        ImageCheck check = _checker.Check(_reference.Log.Last + 1, image, _reference.Log, false);

        Assert.Contains(check.Problems, p => p.StartsWith(EmulatedDevice.AuditFileName));
    }

    [Fact]
    public void Check_UnknownRecordingFileFromBeforeTheCut_IsReported()
    {
        Dictionary<string, byte[]> image = _reference.ReadImage();
        string file = FinishedFiles().First();
        image[RecordingFormat.FileName("00112233445566778899aabbccddeeff", 0)] = image[file];

        ImageCheck check = _checker.Check(_reference.Log.Last + 1, image, _reference.Log, false);

        Assert.Contains(check.Problems, p => p.Contains("00112233445566778899aabbccddeeff"));
    }

    [Fact]
    public void Check_RecordingDeletedAfterOffloadComesBack_IsReported()
    {
        Assert.True(BuiltInScenarios.TryRead("dock-and-offload", out string text));
        var scenario = ScenarioParser.Parse(text, "dock-and-offload.yaml");
        var keys = KeyRing.FromSeed(scenario.Seed);
        using var offloaded = new SweepDevice(scenario, keys, PowerCutMode.UnsyncedDropped);
        offloaded.RunScenario();
        ImageChecker checker = offloaded.ReferenceChecker(keys);
        string deleted = checker.ReferenceRecordingFiles.First();
        Dictionary<string, byte[]> image = offloaded.ReadImage();
        Assert.DoesNotContain(deleted, image.Keys);
        Assert.Empty(checker.Check(offloaded.Log.Last + 1, image, offloaded.Log, false).Problems);

        image[deleted] = new byte[64];
        ImageCheck check = checker.Check(offloaded.Log.Last + 1, image, offloaded.Log, false);

        Assert.Contains(check.Problems, p => p.Contains(deleted) && p.Contains("deleted before the cut"));
    }

    private IEnumerable<string> FinishedFiles() =>
        _checker.ReferenceRecordingFiles.OrderBy(f => _reference.Log.CreatedAt(f));
}
