using System.Collections.Generic;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Hal;
using Moq;
using Xunit;

namespace Bodycam.Emulator.Tests.Scenarios;

public class ScenarioRunnerTests
{
    [Fact]
    public void Run_DoublePress_DrivesTheButtonWithTheDocumentedTiming()
    {
        var target = new Mock<IScenarioTarget>(MockBehavior.Strict);
        var sequence = new MockSequence();
        target.SetupGet(t => t.Now).Returns(0);
        target.InSequence(sequence).Setup(t => t.SetButton(true));
        target.InSequence(sequence).Setup(t => t.Advance(ScenarioRunner.ShortPressMilliseconds));
        target.InSequence(sequence).Setup(t => t.SetButton(false));
        target.InSequence(sequence).Setup(t => t.Advance(ScenarioRunner.DoublePressGapMilliseconds));
        target.InSequence(sequence).Setup(t => t.SetButton(true));
        target.InSequence(sequence).Setup(t => t.Advance(ScenarioRunner.ShortPressMilliseconds));
        target.InSequence(sequence).Setup(t => t.SetButton(false));
        target.InSequence(sequence).Setup(t => t.Advance(ScenarioRunner.SettleMilliseconds));

        ScenarioResult result = new ScenarioRunner(null).Run(Parse("  - press: double\n"), target.Object);

        Assert.Equal(ScenarioOutcome.Passed, result.Outcome);
        target.Verify(t => t.SetButton(true), Times.Exactly(2));
        target.Verify(t => t.SetButton(false), Times.Exactly(2));
    }

    [Fact]
    public void Run_OffloadConfirmingFewerThanExpected_FailsWithBothCounts()
    {
        var target = new Mock<IScenarioTarget>(MockBehavior.Strict);
        target.SetupGet(t => t.Now).Returns(0);
        target.Setup(t => t.Offload("tcp")).Returns(new OffloadReport(1, 0, ["a confirmed"]));

        ScenarioResult result = new ScenarioRunner(null).Run(Parse("  - offload: { expect: 2, link: tcp }\n"), target.Object);

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains("expected 2 recording(s) offloaded, actual 1", result.Message);
    }

    [Fact]
    public void Run_OffloadThatCouldNotRun_FailsWithTheReason()
    {
        var target = new Mock<IScenarioTarget>(MockBehavior.Strict);
        target.SetupGet(t => t.Now).Returns(0);
        target.Setup(t => t.Offload("in-process")).Returns(new OffloadReport(0, 0, [], "the device is not in the dock"));

        ScenarioResult result = new ScenarioRunner(null).Run(Parse("  - offload\n"), target.Object);

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains("offload failed: the device is not in the dock", result.Message);
    }

    [Theory]
    [InlineData(true, "  - expect-audit: { contains: [offloaded, deleted] }\n", "expected audit event deleted, actual provisioned, offloaded")]
    [InlineData(true, "  - expect-audit: { excludes: [provisioned] }\n", "expected no audit event provisioned")]
    [InlineData(false, "  - expect-audit: { contains: [offloaded] }\n", "expected an audit trail that verifies, actual bad-signature")]
    public void Run_AuditExpectation_ChecksValidityAndEvents(bool valid, string step, string message)
    {
        var target = new Mock<IScenarioTarget>(MockBehavior.Strict);
        target.SetupGet(t => t.Now).Returns(0);
        target.Setup(t => t.ReadAudit()).Returns(new AuditReport(valid, valid ? "valid" : "bad-signature", ["provisioned", "offloaded"]));

        ScenarioResult result = new ScenarioRunner(null).Run(Parse(step), target.Object);

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains(message, result.Message);
    }

    [Fact]
    public void Run_CueExpectation_LooksAtTheLastActionStepOnly()
    {
        var target = new Mock<IScenarioTarget>(MockBehavior.Strict);
        long now = 0;
        target.SetupGet(t => t.Now).Returns(() => now);
        target.Setup(t => t.Advance(It.IsAny<long>())).Callback<long>(ms => now += ms);
        target.Setup(t => t.CuesSince(10_000)).Returns(new List<Cue> { Cue.Reminder });

        ScenarioResult result = new ScenarioRunner(null).Run(Parse("  - advance: 10s\n  - advance: 5s\n  - expect-cue: reminder\n  - expect-cue: marker\n"), target.Object);

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains("s.yaml:7:", result.Message);
        Assert.Contains("expected cue marker within the last step, actual reminder", result.Message);
        Assert.Equal(4, result.StepsRun);
    }

    [Fact]
    public void Run_RecordingExpectation_NamesExpectedAndActual()
    {
        var target = new Mock<IScenarioTarget>(MockBehavior.Strict);
        target.SetupGet(t => t.Now).Returns(125_000);
        var last = new RecordingSummary { Id = "r1", Status = "recovered", Verification = "ok", DurationMilliseconds = 60_000 };
        target.Setup(t => t.ReadRecordings()).Returns(new RecordingsReport(1, new[] { last }));

        ScenarioResult result = new ScenarioRunner(null).Run(Parse("  - expect-recordings: { count: 1, status: complete }\n"), target.Object);

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains("at 00:02:05.000", result.Message);
        Assert.Contains("expected status complete of r1, actual recovered", result.Message);
    }

    [Fact]
    public void Run_AdvancePastTimeout_StopsAtTheLimit()
    {
        var target = new Mock<IScenarioTarget>(MockBehavior.Strict);
        long now = 0;
        target.SetupGet(t => t.Now).Returns(() => now);
        target.Setup(t => t.Advance(It.IsAny<long>())).Callback<long>(ms => now += ms);

        ScenarioResult result = new ScenarioRunner(60_000).Run(Parse("  - advance: 10h\n"), target.Object);

        Assert.Equal(ScenarioOutcome.TimedOut, result.Outcome);
        Assert.Equal(60_000, result.SimulatedMilliseconds);
    }

    private static Scenario Parse(string steps)
    {
        return ScenarioParser.Parse("version: 1\nname: s\nsteps:\n" + steps, "s.yaml");
    }
}
