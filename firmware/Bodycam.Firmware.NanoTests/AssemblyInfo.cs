using System.Reflection;

// nanoCLR resolves assemblies by name and version; the launcher loads this one as NFUnitTest.
[assembly: AssemblyVersion("1.0.0.0")]
