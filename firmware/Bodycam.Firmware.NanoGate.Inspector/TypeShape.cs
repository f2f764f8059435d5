namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// A decoded signature type: its display name and whether it contains what nanoFramework cannot run.
/// </summary>
internal sealed class TypeShape
{
    public TypeShape(string name, bool isGeneric, bool hasMultidimensionalArray, bool hasGenericParameter = false)
    {
        Name = name;
        IsGeneric = isGeneric;
        HasMultidimensionalArray = hasMultidimensionalArray;
        HasGenericParameter = hasGenericParameter;
    }

    /// <summary>C#-like name, e.g. <c>System.Collections.Generic.List&lt;int&gt;</c> or <c>int[,]</c>.</summary>
    public string Name { get; }

    /// <summary>Contains a generic instantiation (<c>List&lt;int&gt;</c>, also an open one such as <c>List&lt;T&gt;</c>).</summary>
    public bool IsGeneric { get; }

    /// <summary>
    /// Mentions a generic parameter (<c>T</c>, <c>!0</c>, <c>!!0</c>). Only generic definitions have those, and they
    /// are findings themselves, so a parameter alone is not reported again.
    /// </summary>
    public bool HasGenericParameter { get; }

    /// <summary>Contains an array that is not a single-dimension, zero-based array.</summary>
    public bool HasMultidimensionalArray { get; }

}
