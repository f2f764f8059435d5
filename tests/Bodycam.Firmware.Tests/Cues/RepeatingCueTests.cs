using Bodycam.Firmware.Cues;
using Bodycam.Firmware.Hal;
using Moq;
using Xunit;

namespace Bodycam.Firmware.Tests.Cues;

public class RepeatingCueTests
{
    [Fact]
    public void Poll_AtEachInterval_PlaysOnce()
    {
        var output = new Mock<ICueOutput>(MockBehavior.Strict);
        output.Setup(o => o.Play(Cue.Reminder));
        var cue = new RepeatingCue(Cue.Reminder, 120000);
        cue.Start(0);

        Assert.False(cue.Poll(119999, output.Object));
        Assert.True(cue.Poll(120000, output.Object));
        Assert.False(cue.Poll(120001, output.Object));
        Assert.True(cue.Poll(240000, output.Object));

        output.Verify(o => o.Play(Cue.Reminder), Times.Exactly(2));
    }

    [Fact]
    public void Poll_LongOverdue_PlaysOnceNotABurst()
    {
        var output = new Mock<ICueOutput>(MockBehavior.Strict);
        output.Setup(o => o.Play(Cue.ClockNotSet));
        var cue = new RepeatingCue(Cue.ClockNotSet, 1000);
        cue.Start(0);

        cue.Poll(10500, output.Object);

        output.Verify(o => o.Play(Cue.ClockNotSet), Times.Once());
        Assert.Equal(11500, cue.NextDueMilliseconds);
    }

    [Fact]
    public void Stop_Inactive_NeverPlays()
    {
        var output = new Mock<ICueOutput>(MockBehavior.Strict);
        var cue = new RepeatingCue(Cue.Fault, 1000);
        cue.Start(0);

        cue.Stop();

        Assert.False(cue.IsActive);
        Assert.Equal(long.MaxValue, cue.NextDueMilliseconds);
        Assert.False(cue.Poll(1_000_000, output.Object));
    }

    [Fact]
    public void Start_WithOtherCue_SwitchesCue()
    {
        var output = new Mock<ICueOutput>(MockBehavior.Strict);
        output.Setup(o => o.Play(Cue.StorageFull));
        var cue = new RepeatingCue(Cue.Fault, 1000);

        cue.Start(Cue.StorageFull, 0);
        cue.Poll(1000, output.Object);

        output.Verify(o => o.Play(Cue.StorageFull), Times.Once());
    }
}
