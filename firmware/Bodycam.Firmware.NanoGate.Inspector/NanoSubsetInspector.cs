using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// Inspects a built assembly for what nanoFramework cannot run. The C# compiler accepts generic classes, generic
/// methods and <c>[,]</c> arrays against nanoFramework's mscorlib, so compiling against it is not enough: the built
/// metadata and IL are read and every definition, signature and body is checked.
/// </summary>
/// <remarks>
/// Checked: type definitions (generic parameters, base type, interfaces, fields, properties, events, explicit
/// implementations), method definitions (generic parameters, signature, locals, every token in the IL body),
/// custom attribute constructors, assembly and module references. As a safety net every TypeSpec, MethodSpec and
/// standalone signature in the metadata tables is decoded too, so an instantiation reached by no walked site is still
/// reported. Compiler-embedded attribute types (NullableAttribute, RefSafetyRulesAttribute, ...) get no exemption:
/// they are inspected like every other type and pass only because they are plain classes.
/// Not decoded: the values of custom attribute arguments, so a <c>typeof(List&lt;int&gt;)</c> passed to an attribute
/// (stored as a type-name string, not as a TypeSpec) is not seen.
/// </remarks>
public static class NanoSubsetInspector
{
    /// <summary>The only assembly a nanoFramework core assembly may reference.</summary>
    public const string AllowedReference = "mscorlib";

    /// <summary>
    /// The public key token of nanoFramework's mscorlib (nanoFramework.CoreLibrary). An mscorlib with another token
    /// (the .NET Framework's, or an unsigned stand-in) is a foreign reference too.
    /// </summary>
    public const string AllowedPublicKeyToken = "c07d481e9758c731";

    private static readonly Dictionary<short, OperandType> s_operandTypes = BuildOperandTable();

    /// <summary>
    /// Inspects the assembly at <paramref name="assemblyPath"/>.
    /// </summary>
    /// <param name="assemblyPath">Path of a built .dll.</param>
    /// <returns>The findings; empty when the assembly is inside the nanoFramework subset.</returns>
    /// <exception cref="InspectionException">The file is missing or is not a readable .NET assembly.</exception>
    public static InspectionReport Inspect(string assemblyPath)
    {
        ArgumentNullException.ThrowIfNull(assemblyPath);
        if (!File.Exists(assemblyPath))
        {
            throw new InspectionException(InspectionError.FileNotFound, "assembly not found: " + assemblyPath);
        }

        using FileStream stream = File.OpenRead(assemblyPath);
        return Inspect(stream, assemblyPath);
    }

    /// <summary>
    /// Inspects an assembly image held in a stream (e.g. one emitted in memory).
    /// </summary>
    /// <param name="peImage">The PE image; read from its current position, left open.</param>
    /// <param name="displayName">Name used in error messages.</param>
    /// <returns>The findings; empty when the assembly is inside the nanoFramework subset.</returns>
    /// <exception cref="InspectionException">The image is not a readable .NET assembly.</exception>
    public static InspectionReport Inspect(Stream peImage, string displayName)
    {
        ArgumentNullException.ThrowIfNull(peImage);
        ArgumentNullException.ThrowIfNull(displayName);
        using var pe = new PEReader(peImage, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchEntireImage);
        MetadataReader reader;
        try
        {
            if (!pe.HasMetadata)
            {
                throw new InspectionException(InspectionError.NotAManagedAssembly, "not a .NET assembly: " + displayName);
            }

            reader = pe.GetMetadataReader();
        }
        catch (BadImageFormatException e)
        {
            throw new InspectionException(
                InspectionError.NotAManagedAssembly, "not a .NET assembly: " + displayName + ": " + e.Message, e);
        }

        try
        {
            return new Walker(pe, reader).Run();
        }
        catch (BadImageFormatException e)
        {
            throw new InspectionException(
                InspectionError.MalformedMetadata, "cannot decode the metadata of " + displayName + ": " + e.Message, e);
        }
    }

    private static Dictionary<short, OperandType> BuildOperandTable()
    {
        // The IL opcode table (ECMA-335 III) as the runtime itself describes it, so operand sizes are never hand-coded.
        var table = new Dictionary<short, OperandType>();
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode opCode)
            {
                table[opCode.Value] = opCode.OperandType;
            }
        }

        return table;
    }

    private sealed class Walker
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _reader;
        private readonly List<Finding> _findings = new();
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly HashSet<EntityHandle> _visited = new();

        public Walker(PEReader pe, MetadataReader reader)
        {
            _pe = pe;
            _reader = reader;
        }

        public InspectionReport Run()
        {
            string assemblyName = _reader.IsAssembly
                ? _reader.GetString(_reader.GetAssemblyDefinition().Name)
                : _reader.GetString(_reader.GetModuleDefinition().Name);

            CheckReferences();
            foreach (TypeDefinitionHandle type in _reader.TypeDefinitions)
            {
                CheckType(type);
            }

            foreach (CustomAttributeHandle attribute in _reader.CustomAttributes)
            {
                CheckAttribute(attribute);
            }

            CheckUnvisitedTables();
            return new InspectionReport(assemblyName, _findings.ToArray());
        }

        private void CheckReferences()
        {
            foreach (AssemblyReferenceHandle handle in _reader.AssemblyReferences)
            {
                AssemblyReference reference = _reader.GetAssemblyReference(handle);
                string name = _reader.GetString(reference.Name);
                string token = PublicKeyTokenOf(reference);
                if (string.Equals(name, AllowedReference, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(token, AllowedPublicKeyToken, StringComparison.Ordinal))
                {
                    continue;
                }

                string subject = "assembly " + name + " " + reference.Version;
                if (string.Equals(name, AllowedReference, StringComparison.OrdinalIgnoreCase))
                {
                    subject += " with public key token " + (token.Length == 0 ? "none" : token)
                        + " (nanoFramework's is " + AllowedPublicKeyToken + ")";
                }

                Report(FindingRule.ForeignReference, subject, TypesFrom(handle));
            }

            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.ModuleRef); row++)
            {
                ModuleReferenceHandle handle = MetadataTokens.ModuleReferenceHandle(row);
                string name = _reader.GetString(_reader.GetModuleReference(handle).Name);
                Report(FindingRule.ForeignReference, "module or native library " + name, string.Empty);
            }

            foreach (AssemblyFileHandle handle in _reader.AssemblyFiles)
            {
                string name = _reader.GetString(_reader.GetAssemblyFile(handle).Name);
                Report(FindingRule.ForeignReference, "assembly file " + name, string.Empty);
            }
        }

        private string PublicKeyTokenOf(AssemblyReference reference)
        {
            byte[] key = _reader.GetBlobBytes(reference.PublicKeyOrToken);
            if (key.Length == 0)
            {
                return string.Empty;
            }

            // A full public key is reduced to its token: the last 8 bytes of its SHA-1, reversed (ECMA-335 II.6.2.1.3).
            byte[] token = key;
            if ((reference.Flags & System.Reflection.AssemblyFlags.PublicKey) != 0)
            {
                byte[] hash = System.Security.Cryptography.SHA1.HashData(key);
                token = new byte[8];
                for (int i = 0; i < 8; i++)
                {
                    token[i] = hash[hash.Length - 1 - i];
                }
            }

            return Convert.ToHexString(token).ToLowerInvariant();
        }

        private string TypesFrom(AssemblyReferenceHandle assembly)
        {
            var names = new List<string>();
            foreach (TypeReferenceHandle handle in _reader.TypeReferences)
            {
                TypeReference type = _reader.GetTypeReference(handle);
                if (type.ResolutionScope == (EntityHandle)assembly)
                {
                    names.Add(MetadataNames.TypeReference(_reader, handle));
                }
            }

            // The first few types make the message actionable without flooding the build log.
            const int Shown = 6;
            if (names.Count == 0)
            {
                return string.Empty;
            }

            string shown = string.Join(", ", names.GetRange(0, Math.Min(Shown, names.Count)));
            return names.Count <= Shown
                ? "uses of " + shown
                : "uses of " + shown + " and " + (names.Count - Shown) + " more types";
        }

        private void CheckType(TypeDefinitionHandle handle)
        {
            TypeDefinition type = _reader.GetTypeDefinition(handle);
            string typeName = MetadataNames.TypeDefinition(_reader, handle, true);
            GenericContext context = MetadataNames.ContextOf(_reader, handle);

            if (type.GetGenericParameters().Count > 0)
            {
                Report(FindingRule.GenericTypeDefinition, typeName, string.Empty);
            }

            if (!type.BaseType.IsNil)
            {
                CheckTypeToken(type.BaseType, context, "the base type of " + typeName);
            }

            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                CheckTypeToken(
                    _reader.GetInterfaceImplementation(implementation).Interface,
                    context,
                    "the interfaces of " + typeName);
            }

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = _reader.GetFieldDefinition(fieldHandle);
                TypeShape shape = field.DecodeSignature(ShapeProvider.Instance, context);
                ReportShape(shape, "field " + typeName + "." + _reader.GetString(field.Name));
            }

            foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
            {
                PropertyDefinition property = _reader.GetPropertyDefinition(propertyHandle);
                MethodSignature<TypeShape> signature = property.DecodeSignature(ShapeProvider.Instance, context);
                ReportSignature(signature, "property " + typeName + "." + _reader.GetString(property.Name));
            }

            foreach (EventDefinitionHandle eventHandle in type.GetEvents())
            {
                EventDefinition @event = _reader.GetEventDefinition(eventHandle);
                CheckTypeToken(@event.Type, context, "event " + typeName + "." + _reader.GetString(@event.Name));
            }

            foreach (MethodImplementationHandle implementationHandle in type.GetMethodImplementations())
            {
                MethodImplementation implementation = _reader.GetMethodImplementation(implementationHandle);
                CheckMemberToken(implementation.MethodDeclaration, context, "the explicit implementations of " + typeName);
            }

            foreach (MethodDefinitionHandle method in type.GetMethods())
            {
                CheckMethod(method);
            }
        }

        private void CheckMethod(MethodDefinitionHandle handle)
        {
            MethodDefinition method = _reader.GetMethodDefinition(handle);
            GenericContext context = MetadataNames.ContextOf(_reader, handle);
            string methodName = MetadataNames.MethodDefinition(_reader, handle);

            if (method.GetGenericParameters().Count > 0)
            {
                Report(FindingRule.GenericMethodDefinition, methodName, string.Empty);
            }

            ReportSignature(method.DecodeSignature(ShapeProvider.Instance, context), "the signature of " + methodName);

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                _visited.Add(body.LocalSignature);
                StandaloneSignature locals = _reader.GetStandaloneSignature(body.LocalSignature);
                foreach (TypeShape local in locals.DecodeLocalSignature(ShapeProvider.Instance, context))
                {
                    ReportShape(local, "the local variables of " + methodName);
                }
            }

            CheckIL(body.GetILReader(), context, "the body of " + methodName);
        }

        private void CheckIL(BlobReader il, GenericContext context, string location)
        {
            while (il.RemainingBytes > 0)
            {
                short value = il.ReadByte();
                if (value == 0xFE)
                {
                    value = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                if (!s_operandTypes.TryGetValue(value, out OperandType operand))
                {
                    throw new BadImageFormatException("unknown IL opcode 0x" + value.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + " in " + location);
                }

                switch (operand)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineI:
                    case OperandType.ShortInlineR:
                    case OperandType.InlineString:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineSwitch:
                        int targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineSig:
                        CheckStandaloneSignature(
                            (StandaloneSignatureHandle)MetadataTokens.EntityHandle(il.ReadInt32()), context, location);
                        break;
                    default:
                        // InlineMethod, InlineField, InlineType, InlineTok: a metadata token.
                        CheckMemberToken(MetadataTokens.EntityHandle(il.ReadInt32()), context, location);
                        break;
                }
            }
        }

        private void CheckAttribute(CustomAttributeHandle handle)
        {
            CustomAttribute attribute = _reader.GetCustomAttribute(handle);
            string location = "an attribute on " + MetadataNames.Entity(_reader, attribute.Parent);
            CheckMemberToken(attribute.Constructor, GenericContext.Empty, location);
        }

        /// <summary>Checks any token that can appear in IL or as a member reference.</summary>
        private void CheckMemberToken(EntityHandle handle, GenericContext context, string location)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeSpecification:
                    CheckTypeToken(handle, context, location);
                    break;
                case HandleKind.MemberReference:
                    CheckMemberReference((MemberReferenceHandle)handle, context, location);
                    break;
                case HandleKind.MethodSpecification:
                    CheckMethodSpecification((MethodSpecificationHandle)handle, context, location);
                    break;
                default:
                    // TypeDef/TypeRef/MethodDef/FieldDef: definitions are checked where they are declared;
                    // a TypeRef is a plain named type.
                    break;
            }
        }

        private void CheckTypeToken(EntityHandle handle, GenericContext context, string location)
        {
            if (handle.Kind != HandleKind.TypeSpecification)
            {
                return;
            }

            _visited.Add(handle);
            TypeShape shape = ShapeProvider.Instance.GetTypeFromSpecification(
                _reader, context, (TypeSpecificationHandle)handle, 0);
            ReportShape(shape, location);
        }

        private void CheckMemberReference(MemberReferenceHandle handle, GenericContext context, string location)
        {
            _visited.Add(handle);
            MemberReference member = _reader.GetMemberReference(handle);
            TypeShape parent;
            switch (member.Parent.Kind)
            {
                case HandleKind.TypeSpecification:
                    _visited.Add(member.Parent);
                    parent = ShapeProvider.Instance.GetTypeFromSpecification(
                        _reader, context, (TypeSpecificationHandle)member.Parent, 0);
                    break;
                case HandleKind.MethodDefinition:
                    // A vararg call site: the parent is the method itself (ECMA-335 II.22.25).
                    parent = new TypeShape(MetadataNames.Entity(_reader, member.Parent), false, false);
                    break;
                default:
                    parent = new TypeShape(MetadataNames.Entity(_reader, member.Parent), false, false);
                    break;
            }

            string memberName = MetadataNames.MemberReference(_reader, handle, parent.Name);
            if (parent.IsGeneric)
            {
                Report(FindingRule.GenericInstantiation, parent.Name, location + " (use of " + memberName + ")");
            }

            if (parent.HasMultidimensionalArray)
            {
                Report(FindingRule.MultidimensionalArray, parent.Name, location + " (use of " + memberName + ")");
            }

            // A member reference's own signature is written in terms of its parent's and its own generic parameters
            // (List<int>.Add is "void Add(!0)"): the instantiation is the parent or the MethodSpec, reported above or
            // by the caller. What remains to report: multidimensional arrays, and closed instantiations in the
            // signature of a non-generic member of a non-generic type.
            string use = location + " (use of " + memberName + ")";
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                MethodSignature<TypeShape> signature = member.DecodeMethodSignature(ShapeProvider.Instance, context);
                ReportReferenceShape(signature.ReturnType, use);
                foreach (TypeShape parameter in signature.ParameterTypes)
                {
                    ReportReferenceShape(parameter, use);
                }
            }
            else
            {
                ReportReferenceShape(member.DecodeFieldSignature(ShapeProvider.Instance, context), use);
            }
        }

        private void CheckMethodSpecification(MethodSpecificationHandle handle, GenericContext context, string location)
        {
            _visited.Add(handle);
            MethodSpecification specification = _reader.GetMethodSpecification(handle);
            CheckMemberToken(specification.Method, context, location);
            var arguments = new List<string>();
            foreach (TypeShape argument in specification.DecodeSignature(ShapeProvider.Instance, context))
            {
                arguments.Add(argument.Name);
            }

            string method = MetadataNames.MethodSpecification(
                _reader, specification.Method, "<" + string.Join(", ", arguments) + ">");
            Report(
                FindingRule.GenericInstantiation,
                method,
                location);
        }

        private void CheckStandaloneSignature(StandaloneSignatureHandle handle, GenericContext context, string location)
        {
            _visited.Add(handle);
            StandaloneSignature signature = _reader.GetStandaloneSignature(handle);
            if (signature.GetKind() == StandaloneSignatureKind.Method)
            {
                ReportSignature(signature.DecodeMethodSignature(ShapeProvider.Instance, context), location);
            }
            else
            {
                foreach (TypeShape local in signature.DecodeLocalSignature(ShapeProvider.Instance, context))
                {
                    ReportShape(local, location);
                }
            }
        }

        private void CheckUnvisitedTables()
        {
            const string Unlocated = "metadata not reached from any definition";
            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                EntityHandle handle = MetadataTokens.TypeSpecificationHandle(row);
                if (!_visited.Contains(handle))
                {
                    CheckTypeToken(handle, GenericContext.Empty, Unlocated);
                }
            }

            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                EntityHandle handle = MetadataTokens.MethodSpecificationHandle(row);
                if (!_visited.Contains(handle))
                {
                    CheckMethodSpecification((MethodSpecificationHandle)handle, GenericContext.Empty, Unlocated);
                }
            }

            foreach (MemberReferenceHandle handle in _reader.MemberReferences)
            {
                if (!_visited.Contains(handle))
                {
                    CheckMemberReference(handle, GenericContext.Empty, Unlocated);
                }
            }

            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.StandAloneSig); row++)
            {
                StandaloneSignatureHandle handle = MetadataTokens.StandaloneSignatureHandle(row);
                if (!_visited.Contains(handle))
                {
                    CheckStandaloneSignature(handle, GenericContext.Empty, Unlocated);
                }
            }
        }

        private void ReportSignature(MethodSignature<TypeShape> signature, string location)
        {
            ReportShape(signature.ReturnType, location);
            foreach (TypeShape parameter in signature.ParameterTypes)
            {
                ReportShape(parameter, location);
            }
        }

        private void ReportReferenceShape(TypeShape shape, string location)
        {
            if (shape.IsGeneric && !shape.HasGenericParameter)
            {
                Report(FindingRule.GenericInstantiation, shape.Name, location);
            }

            if (shape.HasMultidimensionalArray)
            {
                Report(FindingRule.MultidimensionalArray, shape.Name, location);
            }
        }

        private void ReportShape(TypeShape shape, string location)
        {
            if (shape.IsGeneric)
            {
                Report(FindingRule.GenericInstantiation, shape.Name, location);
            }

            if (shape.HasMultidimensionalArray)
            {
                Report(FindingRule.MultidimensionalArray, shape.Name, location);
            }
        }

        private void Report(FindingRule rule, string subject, string location)
        {
            if (_seen.Add(((int)rule).ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + subject + "|" + location))
            {
                _findings.Add(new Finding(rule, subject, location));
            }
        }
    }
}
