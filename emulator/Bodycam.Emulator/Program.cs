namespace Bodycam.Emulator;

/// <summary>The emulator's command line.</summary>
public static class Program
{
    /// <summary>Runs the emulator.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("bodycam-emu: not built yet");
        return 2;
    }
}
