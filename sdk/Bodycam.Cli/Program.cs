using System;
using System.Threading.Tasks;

namespace Bodycam.Cli;

/// <summary>The bodycam command line.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> Main(string[] args)
    {
        return new CliApp(Console.Out, Console.Error, Environment.GetEnvironmentVariable).RunAsync(args);
    }
}
