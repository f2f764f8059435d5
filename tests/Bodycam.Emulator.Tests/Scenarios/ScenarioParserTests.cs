using Bodycam.Emulator.Board;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Hal;
using Xunit;

namespace Bodycam.Emulator.Tests.Scenarios;

public class ScenarioParserTests
{
    [Fact]
    public void Parse_FullScenario_ReadsEveryPart()
    {
        const string yaml = "version: 1\nname: all\nseed: 9\ndevice:\n  pre-record: 45s\n  pre-record-audio: true\ncamera:\n  mode: jpeg\n  fps: 10\n  bitrate: 2Mbit/s\n  gop: 20\n  resolution: 640x360\nsteps:\n"
            + "  - advance: 1m30s\n  - press: hold 3s\n  - expect-led: { recording: blink-slow }\n  - expect-cue: recording-started\n"
            + "  - expect-recordings: { count: 1..2, duration: 120s..125s }\n  - power-cut\n  - storage-fill: 95%\n  - storage-fill: 2GB\n  - battery: 4%\n  - set-clock: 2026-11-29T08:00:00Z\n";

        Scenario s = ScenarioParser.Parse(yaml, "all.yaml");

        Assert.Equal(9UL, s.Seed);
        Assert.Equal(45_000, s.Device.PreRecordMilliseconds);
        Assert.True(s.Device.PreRecordAudio);
        Assert.Equal(CameraMode.Jpeg, s.Camera.Mode);
        Assert.Equal(640, s.Camera.Width);
        Assert.Equal(2_000_000, s.Camera.BitsPerSecond);
        Assert.Equal(90_000, s.Steps[0].Milliseconds);
        Assert.Equal(Gesture.Hold, s.Steps[1].Gesture);
        Assert.Equal(3000, s.Steps[1].Milliseconds);
        Assert.Equal(LedPattern.BlinkSlow, s.Steps[2].Pattern);
        Assert.Equal(Cue.RecordingStarted, s.Steps[3].Cue);
        Assert.Equal(new ValueRange(120_000, 125_000), s.Steps[4].Recordings!.Duration);
        Assert.Equal(StepKind.PowerCut, s.Steps[5].Kind);
        Assert.Equal(95, s.Steps[6].Percent);
        Assert.Equal(2_000_000_000, s.Steps[7].Bytes);
        Assert.Equal(1_795_939_200_000, s.Steps[9].UnixMilliseconds);
        Assert.Equal(15, s.Steps[1].Line);
    }

    [Fact]
    public void Parse_DockSteps_ReadLinkCountAndEvents()
    {
        const string yaml = "version: 1\nname: dock\nsteps:\n  - dock\n  - offload\n  - offload: { expect: 1..2, link: tcp }\n"
            + "  - expect-audit: { contains: [offloaded, deleted], excludes: [authentication-failed] }\n";

        Scenario s = ScenarioParser.Parse(yaml, "dock.yaml");

        Assert.Equal(StepKind.Offload, s.Steps[1].Kind);
        Assert.Equal("in-process", s.Steps[1].Link);
        Assert.Null(s.Steps[1].ExpectedCount);
        Assert.Equal("tcp", s.Steps[2].Link);
        Assert.Equal(new ValueRange(1, 2), s.Steps[2].ExpectedCount);
        Assert.Equal(StepKind.ExpectAudit, s.Steps[3].Kind);
        Assert.Equal(["offloaded", "deleted"], s.Steps[3].Contains);
        Assert.Equal(["authentication-failed"], s.Steps[3].Excludes);
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_ReportsLineAndColumn()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("version: 1\nname: x\nspeed: 3\nsteps: []\n", "x.yaml"));

        Assert.Equal(ScenarioErrorKind.UnknownKey, e.Kind);
        Assert.Equal(3, e.Line);
        Assert.Equal(1, e.Column);
        Assert.StartsWith("x.yaml:3:1:", e.Message);
    }

    [Fact]
    public void Parse_UnknownStep_ReportsLineAndColumn()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("version: 1\nname: x\nsteps:\n  - advance: 1s\n  - jump: 3\n", "x.yaml"));

        Assert.Equal(ScenarioErrorKind.UnknownStep, e.Kind);
        Assert.Equal(5, e.Line);
        Assert.Equal(5, e.Column);
    }

    [Fact]
    public void Parse_UnknownDeviceKey_IsRejected()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("version: 1\nname: x\ndevice:\n  prerecord: 30s\nsteps: []\n", "x.yaml"));

        Assert.Equal(ScenarioErrorKind.UnknownKey, e.Kind);
        Assert.Equal(4, e.Line);
        Assert.Equal(3, e.Column);
    }

    [Theory]
    [InlineData("  - advance: ten seconds\n")]
    [InlineData("  - press: triple\n")]
    [InlineData("  - expect-state: sleeping\n")]
    [InlineData("  - expect-led: { recording: purple }\n")]
    [InlineData("  - expect-cue: bark\n")]
    [InlineData("  - battery: 140%\n")]
    [InlineData("  - expect-recordings: { count: 1, length: 3s }\n")]
    [InlineData("  - power-cut: now\n")]
    [InlineData("  - offload: { expect: 2, via: tcp }\n")]
    [InlineData("  - offload: { link: usb }\n")]
    [InlineData("  - offload: everything\n")]
    [InlineData("  - expect-audit: { contains: [offloaded, shredded] }\n")]
    [InlineData("  - expect-audit: { contains: offloaded }\n")]
    [InlineData("  - expect-audit: { includes: [offloaded] }\n")]
    [InlineData("  - expect-audit: {}\n")]
    public void Parse_BadStepValue_IsRejectedOnItsLine(string step)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("version: 1\nname: x\nsteps:\n" + step, "x.yaml"));

        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Parse_MissingSteps_IsRejected()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("version: 1\nname: x\n", "x.yaml"));

        Assert.Equal(ScenarioErrorKind.MissingKey, e.Kind);
    }

    [Fact]
    public void Parse_WrongVersion_IsRejected()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("version: 2\nname: x\nsteps: []\n", "x.yaml"));

        Assert.Equal(ScenarioErrorKind.InvalidValue, e.Kind);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Parse_MalformedYaml_IsASyntaxError()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("version: 1\nname: [x\nsteps: []\n", "x.yaml"));

        Assert.Equal(ScenarioErrorKind.Syntax, e.Kind);
        Assert.True(e.Line > 0);
    }
}
