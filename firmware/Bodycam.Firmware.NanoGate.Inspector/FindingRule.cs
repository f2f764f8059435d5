namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// What a finding breaks. The numeric value is the diagnostic code: <c>NANO001</c> to <c>NANO005</c>.
/// </summary>
public enum FindingRule
{
    /// <summary>A type that declares generic parameters (<c>class Box&lt;T&gt;</c>).</summary>
    GenericTypeDefinition = 1,

    /// <summary>A method that declares generic parameters (<c>T First&lt;T&gt;(T[] items)</c>).</summary>
    GenericMethodDefinition = 2,

    /// <summary>A use of a constructed generic type or method (<c>List&lt;int&gt;</c>, <c>Array.Empty&lt;byte&gt;()</c>, <c>int?</c>).</summary>
    GenericInstantiation = 3,

    /// <summary>A multidimensional (or non-zero-based) array type such as <c>int[,]</c>.</summary>
    MultidimensionalArray = 4,

    /// <summary>A reference to an assembly other than mscorlib, or to a module or native library.</summary>
    ForeignReference = 5,
}
