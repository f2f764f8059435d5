namespace Bodycam.Firmware.Native.VectorSources;

/// <summary>One generated test class.</summary>
/// <param name="ClassName">The class (and file) name.</param>
/// <param name="Source">The C# source.</param>
/// <param name="Count">The number of test methods in it.</param>
public sealed record GeneratedSuite(string ClassName, string Source, int Count);
