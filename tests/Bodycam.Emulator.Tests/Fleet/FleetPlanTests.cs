using System.Collections.Generic;
using System.Linq;
using Bodycam.Emulator.Fleet;
using Xunit;

namespace Bodycam.Emulator.Tests.Fleet;

public class FleetPlanTests
{
    [Fact]
    public void Plan_Six_GivesTwoCamerasPerMunicipality()
    {
        IReadOnlyList<FleetMember> fleet = FleetPlan.Plan(6);

        Assert.Equal(6, fleet.Select(m => m.DeviceId).Distinct().Count());
        Assert.All(FleetPlan.Municipalities, m => Assert.Equal(2, fleet.Count(f => f.Municipality == m)));
        Assert.Equal("HEE-01", fleet[0].DeviceId);
        Assert.Equal("HAT-02", fleet[5].DeviceId);
    }

    [Fact]
    public void Plan_Zero_Throws()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => FleetPlan.Plan(0));
    }
}
