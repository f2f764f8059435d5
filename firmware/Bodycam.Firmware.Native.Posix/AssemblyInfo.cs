using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Bodycam.Firmware.Native.Posix")]
[assembly: AssemblyVersion("1.0.0.0")]

// The version the posix board declares for this assembly (firmware/native/generated).
[assembly: AssemblyNativeVersion("1.0.0.0")]
