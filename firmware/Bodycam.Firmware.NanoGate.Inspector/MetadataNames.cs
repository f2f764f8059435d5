using System.Reflection.Metadata;
using System.Text;

namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// C#-like display names for metadata entities, used in finding messages.
/// </summary>
internal static class MetadataNames
{
    public static string TypeDefinition(MetadataReader reader, TypeDefinitionHandle handle, bool withGenericParameters)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = StripArity(reader.GetString(type.Name));
        string prefix;
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            prefix = TypeDefinition(reader, declaring, false) + ".";
        }
        else
        {
            string ns = reader.GetString(type.Namespace);
            prefix = ns.Length == 0 ? string.Empty : ns + ".";
        }

        if (withGenericParameters)
        {
            name += GenericParameterList(reader, type.GetGenericParameters());
        }

        return prefix + name;
    }

    public static string TypeReference(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = StripArity(reader.GetString(type.Name));
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeReference(reader, (TypeReferenceHandle)type.ResolutionScope) + "." + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string[] GenericParameterNames(MetadataReader reader, GenericParameterHandleCollection parameters)
    {
        string[] names = new string[parameters.Count];
        int i = 0;
        foreach (GenericParameterHandle parameter in parameters)
        {
            names[i++] = reader.GetString(reader.GetGenericParameter(parameter).Name);
        }

        return names;
    }

    public static GenericContext ContextOf(MetadataReader reader, TypeDefinitionHandle type)
    {
        return new GenericContext(
            GenericParameterNames(reader, reader.GetTypeDefinition(type).GetGenericParameters()),
            System.Array.Empty<string>());
    }

    public static GenericContext ContextOf(MetadataReader reader, MethodDefinitionHandle method)
    {
        MethodDefinition definition = reader.GetMethodDefinition(method);
        return new GenericContext(
            GenericParameterNames(reader, reader.GetTypeDefinition(definition.GetDeclaringType()).GetGenericParameters()),
            GenericParameterNames(reader, definition.GetGenericParameters()));
    }

    public static string MethodDefinition(MetadataReader reader, MethodDefinitionHandle handle)
    {
        MethodDefinition method = reader.GetMethodDefinition(handle);
        var name = new StringBuilder();
        name.Append(TypeDefinition(reader, method.GetDeclaringType(), true));
        name.Append('.');
        name.Append(reader.GetString(method.Name));
        name.Append(GenericParameterList(reader, method.GetGenericParameters()));
        MethodSignature<TypeShape> signature = method.DecodeSignature(ShapeProvider.Instance, ContextOf(reader, handle));
        AppendParameters(name, signature);
        return name.ToString();
    }

    public static string FieldDefinition(MetadataReader reader, FieldDefinitionHandle handle)
    {
        FieldDefinition field = reader.GetFieldDefinition(handle);
        return TypeDefinition(reader, field.GetDeclaringType(), true) + "." + reader.GetString(field.Name);
    }

    public static string MemberReference(
        MetadataReader reader, MemberReferenceHandle handle, string parentName, string typeArguments = "")
    {
        MemberReference member = reader.GetMemberReference(handle);
        var name = new StringBuilder(parentName);
        name.Append('.');
        name.Append(reader.GetString(member.Name));
        name.Append(typeArguments);
        if (member.GetKind() == MemberReferenceKind.Method)
        {
            AppendParameters(name, member.DecodeMethodSignature(ShapeProvider.Instance, GenericContext.Empty));
        }

        return name.ToString();
    }

    /// <summary>Names a generic method instantiation as <c>Type.Method&lt;args&gt;(parameters)</c>.</summary>
    public static string MethodSpecification(MetadataReader reader, EntityHandle method, string typeArguments)
    {
        if (method.Kind == HandleKind.MemberReference)
        {
            MemberReference member = reader.GetMemberReference((MemberReferenceHandle)method);
            return MemberReference(reader, (MemberReferenceHandle)method, Entity(reader, member.Parent), typeArguments);
        }

        var definition = (MethodDefinitionHandle)method;
        MethodDefinition methodDefinition = reader.GetMethodDefinition(definition);
        var name = new StringBuilder();
        name.Append(TypeDefinition(reader, methodDefinition.GetDeclaringType(), true));
        name.Append('.');
        name.Append(reader.GetString(methodDefinition.Name));
        name.Append(typeArguments);
        AppendParameters(name, methodDefinition.DecodeSignature(ShapeProvider.Instance, ContextOf(reader, definition)));
        return name.ToString();
    }

    /// <summary>Names the parent of a member reference or the method of a method specification.</summary>
    public static string Entity(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return TypeDefinition(reader, (TypeDefinitionHandle)handle, true);
            case HandleKind.TypeReference:
                return TypeReference(reader, (TypeReferenceHandle)handle);
            case HandleKind.TypeSpecification:
                return ShapeProvider.Instance.GetTypeFromSpecification(
                    reader, GenericContext.Empty, (TypeSpecificationHandle)handle, 0).Name;
            case HandleKind.MethodDefinition:
                return MethodDefinition(reader, (MethodDefinitionHandle)handle);
            case HandleKind.FieldDefinition:
                return FieldDefinition(reader, (FieldDefinitionHandle)handle);
            case HandleKind.MemberReference:
                MemberReference member = reader.GetMemberReference((MemberReferenceHandle)handle);
                return MemberReference(reader, (MemberReferenceHandle)handle, Entity(reader, member.Parent));
            case HandleKind.ModuleReference:
                return reader.GetString(reader.GetModuleReference((ModuleReferenceHandle)handle).Name);
            case HandleKind.PropertyDefinition:
                PropertyDefinition property = reader.GetPropertyDefinition((PropertyDefinitionHandle)handle);
                return "property " + reader.GetString(property.Name);
            case HandleKind.EventDefinition:
                EventDefinition @event = reader.GetEventDefinition((EventDefinitionHandle)handle);
                return "event " + reader.GetString(@event.Name);
            case HandleKind.Parameter:
                Parameter parameter = reader.GetParameter((ParameterHandle)handle);
                return "parameter " + reader.GetString(parameter.Name);
            case HandleKind.AssemblyDefinition:
                return "the assembly";
            case HandleKind.ModuleDefinition:
                return "the module";
            default:
                return handle.Kind.ToString();
        }
    }

    private static void AppendParameters(StringBuilder name, MethodSignature<TypeShape> signature)
    {
        name.Append('(');
        for (int i = 0; i < signature.ParameterTypes.Length; i++)
        {
            if (i > 0)
            {
                name.Append(", ");
            }

            name.Append(signature.ParameterTypes[i].Name);
        }

        name.Append(')');
    }

    private static string GenericParameterList(MetadataReader reader, GenericParameterHandleCollection parameters)
    {
        if (parameters.Count == 0)
        {
            return string.Empty;
        }

        return "<" + string.Join(", ", GenericParameterNames(reader, parameters)) + ">";
    }

    private static string StripArity(string name)
    {
        // Generic type names carry their arity after a backtick (ECMA-335 II.10.7.2): List`1 -> List.
        int tick = name.IndexOf('`', System.StringComparison.Ordinal);
        return tick < 0 ? name : name.Substring(0, tick);
    }
}
