namespace Bodycam.Cli;

/// <summary>The bodycam command line.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("bodycam: not built yet");
        return 2;
    }
}
