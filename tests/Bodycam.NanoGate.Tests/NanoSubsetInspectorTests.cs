using System;
using System.IO;
using System.Linq;
using Bodycam.Firmware.NanoGate.Inspector;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bodycam.NanoGate.Tests;

public class NanoSubsetInspectorTests
{
    [Fact]
    public void Inspect_CleanNanoSubsetCode_ReportsNothing()
    {
        const string Source = """
            using System;
            using System.Collections;

            namespace Fixture
            {
                public delegate void EdgeHandler(bool pressed, long atMilliseconds);

                public enum Mode { Standby, Recording }

                public struct Slot { public int Offset; public int Count; }

                public interface ISink { void Write(byte[] data, int offset, int count); }

                public sealed class Clean : ISink
                {
                    private readonly byte[][] _frames = new byte[4][];
                    private readonly ArrayList _markers = new ArrayList();
                    private readonly object _gate = new object();
                    private Slot[] _slots = new Slot[8];
                    private Mode _mode;

                    public event EdgeHandler? Edge;

                    public Mode Mode => _mode;

                    public void Write(byte[] data, int offset, int count)
                    {
                        lock (_gate)
                        {
                            if (count < 0) { throw new ArgumentOutOfRangeException(nameof(count)); }
                            byte[] copy = new byte[count];
                            Array.Copy(data, offset, copy, 0, count);
                            _frames[count % 4] = copy;
                            _slots[0].Count = count;
                            _markers.Add(count);
                            _mode = Mode.Recording;
                            Edge?.Invoke(true, count);
                            string text = "count " + count.ToString();
                            Func(text);
                        }
                    }

                    private static void Func(string text) { }
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectNano(Source);

        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Findings));
        Assert.Equal("Fixture", report.AssemblyName);
    }

    [Fact]
    public void Inspect_ListOfIntAgainstDotNet_ReportsInstantiationAndForeignReference()
    {
        const string Source = """
            using System.Collections.Generic;

            namespace Fixture
            {
                public class Queue
                {
                    private readonly List<int> _items = new List<int>();

                    public int Push(int value)
                    {
                        _items.Add(value);
                        return _items.Count;
                    }
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectDotNet(Source);

        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "System.Collections.Generic.List<int>"
            && f.Location == "field Fixture.Queue._items");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "System.Collections.Generic.List<int>"
            && f.Location.StartsWith("the body of Fixture.Queue.Push(int)", StringComparison.Ordinal)
            && f.Location.Contains("List<int>.Add(!0)", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.ForeignReference
            && f.Subject.StartsWith("assembly System.Private.CoreLib ", StringComparison.Ordinal)
            && f.Location.StartsWith("uses of ", StringComparison.Ordinal));
        Assert.Contains("Fixture.Queue._items", report.Findings.First(f => f.Rule == FindingRule.GenericInstantiation).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_UserGenericClass_ReportsDefinitionAndEveryUse()
    {
        const string Source = """
            namespace Fixture
            {
                public class Box<T>
                {
                    public T Item = default!;
                }

                public class IntBox : Box<int>
                {
                }

                public class User
                {
                    private Box<byte> _box = new Box<byte>();

                    public byte Read() => _box.Item;
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectNano(Source);

        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericTypeDefinition && f.Subject == "Fixture.Box<T>");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "Fixture.Box<int>"
            && f.Location == "the base type of Fixture.IntBox");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "Fixture.Box<byte>"
            && f.Location == "field Fixture.User._box");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "Fixture.Box<byte>"
            && f.Location.StartsWith("the body of Fixture.User.Read()", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_GenericMethod_ReportsDefinitionAndCallSite()
    {
        const string Source = """
            namespace Fixture
            {
                public static class Pick
                {
                    public static T First<T>(T[] items) => items[0];

                    public static long Use(long[] values) => First(values);
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectNano(Source);

        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericMethodDefinition && f.Subject == "Fixture.Pick.First<T>(T[])");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject.StartsWith("Fixture.Pick.First<long>", StringComparison.Ordinal)
            && f.Location == "the body of Fixture.Pick.Use(long[])");
        Assert.Equal(2, report.Findings.Count);
    }

    [Fact]
    public void Inspect_MultidimensionalArray_ReportsFieldSignatureLocalAndCreation()
    {
        const string Source = """
            namespace Fixture
            {
                public class Grid
                {
                    private int[,] _cells = new int[2, 3];

                    public byte[,] Make(short[,] input)
                    {
                        long[,] scratch = new long[1, 1];
                        scratch[0, 0] = input[0, 0] + _cells[1, 2];
                        return new byte[(int)scratch[0, 0], 1];
                    }
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectNano(Source);
        Finding[] arrays = report.Findings.Where(f => f.Rule == FindingRule.MultidimensionalArray).ToArray();

        Assert.Contains(arrays, f => f.Subject == "int[,]" && f.Location == "field Fixture.Grid._cells");
        Assert.Contains(arrays, f =>
            f.Subject == "int[,]"
            && f.Location.StartsWith("the body of Fixture.Grid..ctor()", StringComparison.Ordinal)
            && f.Location.Contains("int[,]..ctor(int, int)", StringComparison.Ordinal));
        Assert.Contains(arrays, f => f.Subject == "byte[,]" && f.Location == "the signature of Fixture.Grid.Make(short[,])");
        Assert.Contains(arrays, f => f.Subject == "short[,]" && f.Location == "the signature of Fixture.Grid.Make(short[,])");
        Assert.Contains(arrays, f => f.Subject == "long[,]" && f.Location == "the local variables of Fixture.Grid.Make(short[,])");
        Assert.DoesNotContain(report.Findings, f => f.Rule != FindingRule.MultidimensionalArray);
    }

    [Fact]
    public void Inspect_JaggedArray_ReportsNothing()
    {
        const string Source = """
            namespace Fixture
            {
                public class Jagged
                {
                    private byte[][] _rows = new byte[2][];

                    public int Width(int row) => _rows[row].Length;
                }
            }
            """;

        Assert.True(NanoFixture.InspectNano(Source).IsClean);
    }

    [Fact]
    public void Inspect_ReferenceToAnotherAssembly_ReportsItWithTheTypesUsed()
    {
        MetadataReference vendor = NanoFixture.NanoLibrary(
            "Vendor.Helpers",
            "namespace Vendor { public static class Helper { public static int Twice(int x) => x * 2; } }");
        const string Source = """
            namespace Fixture
            {
                public static class Caller
                {
                    public static int Run(int x) => Vendor.Helper.Twice(x);
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectNano(Source, vendor);

        Finding finding = Assert.Single(report.Findings);
        Assert.Equal(FindingRule.ForeignReference, finding.Rule);
        Assert.Equal("assembly Vendor.Helpers 0.0.0.0", finding.Subject);
        Assert.Equal("uses of Vendor.Helper", finding.Location);
        Assert.Equal("NANO005", finding.Code);
    }

    [Fact]
    public void Inspect_GenericInterfaceAndDelegate_ReportsDefinitionsAndImplementation()
    {
        const string Source = """
            namespace Fixture
            {
                public delegate void Handler<T>(T value);

                public interface ISource<T>
                {
                    T Next();
                }

                public class Counter : ISource<int>
                {
                    private int _value;

                    public int Next() => ++_value;
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectNano(Source);

        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericTypeDefinition && f.Subject == "Fixture.Handler<T>");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericTypeDefinition && f.Subject == "Fixture.ISource<T>");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "Fixture.ISource<int>"
            && f.Location == "the interfaces of Fixture.Counter");
    }

    [Fact]
    public void Inspect_MscorlibWithoutNanoFrameworksKey_ReportsForeignReference()
    {
        // A stand-in core library named mscorlib, unsigned: the name alone must not pass the gate.
        const string FakeCorlib = """
            namespace System
            {
                public class Object { }
                public abstract class ValueType { }
                public struct Void { }
                public struct Int32 { }
                public struct Boolean { }
                public sealed class String { }
                public abstract class Attribute { }
                public abstract class Enum : ValueType { }
                public struct IntPtr { }
                public abstract class Delegate { }
                public abstract class MulticastDelegate : Delegate { }
                public class Exception { }
                public abstract class Array { }
                public struct RuntimeTypeHandle { }
                public struct RuntimeFieldHandle { }
                public sealed class Type { }
                public interface IDisposable { void Dispose(); }
                public struct Byte { }
                public enum AttributeTargets { All = 32767 }
                public sealed class AttributeUsageAttribute : Attribute
                {
                    public AttributeUsageAttribute(AttributeTargets validOn) { }
                    public bool AllowMultiple { get { return false; } set { } }
                    public bool Inherited { get { return false; } set { } }
                }
            }
            """;
        MetadataReference corlib = NanoFixture.Library("mscorlib", FakeCorlib);

        InspectionReport report = NanoFixture.InspectWith(
            "namespace Fixture { public class Plain { public int Value; } }", corlib);

        Finding finding = Assert.Single(report.Findings);
        Assert.Equal(FindingRule.ForeignReference, finding.Rule);
        Assert.StartsWith("assembly mscorlib 0.0.0.0 with public key token none", finding.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ActionOfIntFromNanoMscorlib_ReportsInstantiation()
    {
        // nanoFramework's mscorlib declares Action<T> and Func<T>, so the compiler accepts them; the runtime does not.
        const string Source = """
            namespace Fixture
            {
                public class Callbacks
                {
                    public System.Action<int>? Handler;

                    public void Raise(int value) => Handler?.Invoke(value);
                }
            }
            """;

        InspectionReport report = NanoFixture.InspectNano(Source);

        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "System.Action<int>"
            && f.Location == "field Fixture.Callbacks.Handler");
        Assert.Contains(report.Findings, f =>
            f.Rule == FindingRule.GenericInstantiation
            && f.Subject == "System.Action<int>"
            && f.Location.StartsWith("the body of Fixture.Callbacks.Raise(int)", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_NullableValueType_DoesNotCompileAgainstNanoMscorlib()
    {
        // nanoFramework's mscorlib has no Nullable<T>: "int?" is stopped by the compiler before the inspection.
        CompileFailure failure = Assert.Throws<CompileFailure>(() =>
            NanoFixture.InspectNano("namespace Fixture { public class Maybe { public int? Value; } }"));

        Assert.Contains("CS0518", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_MissingFile_ThrowsFileNotFound()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "no-such-assembly.dll");

        InspectionException e = Assert.Throws<InspectionException>(() => NanoSubsetInspector.Inspect(path));

        Assert.Equal(InspectionError.FileNotFound, e.Reason);
    }

    [Fact]
    public void Inspect_NotAnAssembly_ThrowsNotAManagedAssembly()
    {
        using var stream = new MemoryStream(new byte[] { 0x4D, 0x5A, 1, 2, 3, 4, 5, 6, 7, 8 });

        InspectionException e = Assert.Throws<InspectionException>(() => NanoSubsetInspector.Inspect(stream, "junk"));

        Assert.Equal(InspectionError.NotAManagedAssembly, e.Reason);
        Assert.Contains("junk", e.Message, StringComparison.Ordinal);
    }
}
