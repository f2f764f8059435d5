namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// Names of the generic parameters in scope while a signature is decoded (only inside generic definitions,
/// which are findings themselves; the names make the messages readable).
/// </summary>
internal sealed class GenericContext
{
    public static readonly GenericContext Empty = new(System.Array.Empty<string>(), System.Array.Empty<string>());

    public GenericContext(string[] typeParameters, string[] methodParameters)
    {
        TypeParameters = typeParameters;
        MethodParameters = methodParameters;
    }

    public string[] TypeParameters { get; }

    public string[] MethodParameters { get; }
}
