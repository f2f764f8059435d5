namespace Bodycam.Sdk.Keys;

/// <summary>Why a key file could not be read.</summary>
public enum KeyFileError
{
    /// <summary>The file does not start with a key file magic or label.</summary>
    BadMagic = 1,

    /// <summary>The key file version is not one this library knows.</summary>
    UnsupportedVersion = 2,

    /// <summary>The file's length or fields are invalid.</summary>
    Malformed = 3,

    /// <summary>The key derivation parameters are outside the accepted range (too weak or too costly).</summary>
    BadParameters = 4,

    /// <summary>The file holds another type of key than the one asked for.</summary>
    WrongKeyType = 5,
}
