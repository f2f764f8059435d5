using System.Linq;
using Bodycam.Emulator.Sweeps;
using Xunit;

namespace Bodycam.Emulator.Tests.Sweeps;

public class CutPointPlanTests
{
    [Fact]
    public void Select_ShortRun_TakesEveryOperation()
    {
        var plan = new CutPointPlan { LinearLimit = 50 };

        Assert.Equal(Enumerable.Range(3, 40), plan.Select(3, 42));
    }

    [Fact]
    public void Select_LongRun_TakesBothEndsLogarithmicallyPlusTheSample()
    {
        var plan = new CutPointPlan { LinearLimit = 10, Sample = 20, Seed = 5 };

        var points = plan.Select(1, 1000);

        Assert.Contains(1, points);
        Assert.Contains(2, points);
        Assert.Contains(512, points);
        Assert.Contains(1000, points);
        Assert.Contains(999, points);
        Assert.Contains(489, points);
        Assert.Equal(points.Distinct().OrderBy(p => p), points);
        Assert.Equal(20 + 20, points.Count);
        Assert.All(points, p => Assert.InRange(p, 1, 1000));
    }

    [Fact]
    public void Select_SameSeed_SameSample()
    {
        var a = new CutPointPlan { LinearLimit = 0, Sample = 30, Seed = 9 };
        var b = new CutPointPlan { LinearLimit = 0, Sample = 30, Seed = 9 };

        Assert.Equal(a.Select(10, 5000), b.Select(10, 5000));
    }

    [Fact]
    public void Select_Exhaustive_TakesEveryOperationOfALongRun()
    {
        var plan = new CutPointPlan { LinearLimit = 10, Exhaustive = true };

        Assert.Equal(2000, plan.Select(1, 2000).Count);
    }
}
