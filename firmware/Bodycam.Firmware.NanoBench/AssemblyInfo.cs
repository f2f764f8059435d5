using System.Reflection;

// nanoCLR resolves assemblies by name and version.
[assembly: AssemblyVersion("1.0.0.0")]
