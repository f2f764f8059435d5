using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Bodycam.Firmware.Native")]
[assembly: AssemblyVersion("1.0.0.0")]

// The version the native component declares for this assembly (firmware/native/generated); nanoCLR binds the managed
// assembly to it by name and native checksum.
[assembly: AssemblyNativeVersion("1.0.0.0")]
