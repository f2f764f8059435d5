using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyVersion("1.0.0.0")]
