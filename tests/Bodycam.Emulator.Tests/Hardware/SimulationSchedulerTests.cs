using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Xunit;

namespace Bodycam.Emulator.Tests.Hardware;

public class SimulationSchedulerTests
{
    [Fact]
    public void RunDue_SameTime_RunsInScheduleOrder()
    {
        var scheduler = new SimulationScheduler();
        var order = new List<int>();
        scheduler.Schedule(10, () => order.Add(1));
        scheduler.Schedule(5, () => order.Add(0));
        scheduler.Schedule(10, () => order.Add(2));

        Assert.True(scheduler.TryPeekNext(out long next));
        Assert.Equal(5, next);
        Assert.Equal(3, scheduler.RunDue(10));
        Assert.Equal(new[] { 0, 1, 2 }, order);
    }

    [Fact]
    public void VirtualClock_Backwards_Throws()
    {
        var clock = new VirtualClock();
        clock.AdvanceTo(100);

        Assert.Throws<System.ArgumentOutOfRangeException>(() => clock.AdvanceTo(99));
    }

    [Fact]
    public void Battery_DrainsWithSimulatedTime()
    {
        var clock = new VirtualClock();
        var battery = new SimulatedBattery(clock) { StandbyDrainPercentPerHour = 10 };

        clock.AdvanceTo(3_600_000);

        Assert.Equal(90, battery.ReadPercent());
    }

    [Fact]
    public void RealTimeClock_FollowsTheVirtualClock()
    {
        var clock = new VirtualClock();
        var rtc = new SimulatedRealTimeClock(clock);
        rtc.Set(1_000_000);

        clock.AdvanceTo(500);

        Assert.True(rtc.IsSet);
        Assert.Equal(1_000_500, rtc.ReadUnixMilliseconds());
    }
}
