using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Text;

namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// Decodes signature blobs (ECMA-335 II.23.2) into <see cref="TypeShape"/>s.
/// </summary>
internal sealed class ShapeProvider : ISignatureTypeProvider<TypeShape, GenericContext>
{
    public static readonly ShapeProvider Instance = new();

    public TypeShape GetPrimitiveType(PrimitiveTypeCode typeCode) => new(PrimitiveName(typeCode), false, false);

    public TypeShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new(MetadataNames.TypeDefinition(reader, handle, false), false, false);

    public TypeShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        new(MetadataNames.TypeReference(reader, handle), false, false);

    public TypeShape GetTypeFromSpecification(
        MetadataReader reader, GenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public TypeShape GetSZArrayType(TypeShape elementType) => Wrap(elementType, elementType.Name + "[]");

    public TypeShape GetArrayType(TypeShape elementType, ArrayShape shape)
    {
        // A general ARRAY signature is any array that is not SZARRAY: rank > 1, or rank 1 with bounds ("[*]").
        string brackets = shape.Rank == 1 ? "[*]" : "[" + new string(',', shape.Rank - 1) + "]";
        return new TypeShape(elementType.Name + brackets, elementType.IsGeneric, true, elementType.HasGenericParameter);
    }

    public TypeShape GetByReferenceType(TypeShape elementType) => Wrap(elementType, elementType.Name + "&");

    public TypeShape GetPointerType(TypeShape elementType) => Wrap(elementType, elementType.Name + "*");

    public TypeShape GetPinnedType(TypeShape elementType) => elementType;

    public TypeShape GetModifiedType(TypeShape modifier, TypeShape unmodifiedType, bool isRequired) =>
        new(
            unmodifiedType.Name,
            unmodifiedType.IsGeneric || modifier.IsGeneric,
            unmodifiedType.HasMultidimensionalArray || modifier.HasMultidimensionalArray,
            unmodifiedType.HasGenericParameter || modifier.HasGenericParameter);

    public TypeShape GetGenericInstantiation(TypeShape genericType, ImmutableArray<TypeShape> typeArguments)
    {
        var name = new StringBuilder(genericType.Name);
        name.Append('<');
        bool multidimensional = genericType.HasMultidimensionalArray;
        bool parameter = false;
        for (int i = 0; i < typeArguments.Length; i++)
        {
            if (i > 0)
            {
                name.Append(", ");
            }

            name.Append(typeArguments[i].Name);
            multidimensional |= typeArguments[i].HasMultidimensionalArray;
            parameter |= typeArguments[i].HasGenericParameter;
        }

        name.Append('>');
        return new TypeShape(name.ToString(), true, multidimensional, parameter);
    }

    public TypeShape GetGenericTypeParameter(GenericContext genericContext, int index) =>
        new(index < genericContext.TypeParameters.Length ? genericContext.TypeParameters[index] : "!" + index, false, false, true);

    public TypeShape GetGenericMethodParameter(GenericContext genericContext, int index) =>
        new(index < genericContext.MethodParameters.Length ? genericContext.MethodParameters[index] : "!!" + index, false, false, true);

    public TypeShape GetFunctionPointerType(MethodSignature<TypeShape> signature) => Combine("delegate*", signature);

    /// <summary>Folds a method signature's return and parameter types into one shape (for flags and a name).</summary>
    public static TypeShape Combine(string name, MethodSignature<TypeShape> signature)
    {
        bool generic = signature.ReturnType.IsGeneric;
        bool multidimensional = signature.ReturnType.HasMultidimensionalArray;
        bool genericParameter = signature.ReturnType.HasGenericParameter || signature.GenericParameterCount > 0;
        foreach (TypeShape parameter in signature.ParameterTypes)
        {
            generic |= parameter.IsGeneric;
            multidimensional |= parameter.HasMultidimensionalArray;
            genericParameter |= parameter.HasGenericParameter;
        }

        return new TypeShape(name, generic, multidimensional, genericParameter);
    }

    private static TypeShape Wrap(TypeShape element, string name) =>
        new(name, element.IsGeneric, element.HasMultidimensionalArray, element.HasGenericParameter);

    private static string PrimitiveName(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => typeCode.ToString(),
    };
}
