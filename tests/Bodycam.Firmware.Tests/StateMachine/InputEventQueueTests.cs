using System.Threading.Tasks;
using Bodycam.Firmware.StateMachine;
using Xunit;

namespace Bodycam.Firmware.Tests.StateMachine;

public class InputEventQueueTests
{
    [Fact]
    public void TryDequeue_AfterEnqueues_ReturnsInOrder()
    {
        var queue = new InputEventQueue(4);
        queue.Enqueue(InputEventKind.ButtonEdge, true, 10);
        queue.Enqueue(InputEventKind.DockDetect, false, 20);

        Assert.True(queue.TryDequeue(out InputEventKind kind, out bool value, out long time));
        Assert.Equal((InputEventKind.ButtonEdge, true, 10L), (kind, value, time));
        Assert.True(queue.TryDequeue(out kind, out value, out time));
        Assert.Equal((InputEventKind.DockDetect, false, 20L), (kind, value, time));
        Assert.False(queue.TryDequeue(out _, out _, out _));
    }

    [Fact]
    public void Enqueue_WhenFull_DropsNewestAndCounts()
    {
        var queue = new InputEventQueue(2);

        Assert.True(queue.Enqueue(InputEventKind.ButtonEdge, true, 1));
        Assert.True(queue.Enqueue(InputEventKind.ButtonEdge, false, 2));
        Assert.False(queue.Enqueue(InputEventKind.ButtonEdge, true, 3));

        Assert.Equal(2, queue.Count);
        Assert.Equal(1, queue.DroppedCount);
    }

    [Fact]
    public void Enqueue_FromManyThreads_LosesNothingWithinCapacity()
    {
        var queue = new InputEventQueue(4000);

        Parallel.For(0, 4, worker =>
        {
            for (int i = 0; i < 1000; i++)
            {
                queue.Enqueue(InputEventKind.ButtonEdge, true, i);
            }
        });

        Assert.Equal(4000, queue.Count);
        Assert.Equal(0, queue.DroppedCount);
    }
}
