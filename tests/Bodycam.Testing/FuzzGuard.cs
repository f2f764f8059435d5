using System;
using System.Threading.Tasks;

namespace Bodycam.Testing;

/// <summary>
/// Runs one fuzz input with a generous deadline, so a parser that loops forever fails the test instead of hanging the
/// suite. The deadline is a hang detector, not a speed check: inputs take microseconds.
/// </summary>
public static class FuzzGuard
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    public static void Run(Action parse, string what)
    {
        Task task = Task.Run(parse);
        if (!task.Wait(s_deadline))
        {
            throw new TimeoutException("No answer within " + s_deadline.TotalSeconds + " s (a hang?): " + what);
        }
    }
}
