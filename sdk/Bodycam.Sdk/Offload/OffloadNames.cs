using System;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// The name rule for what a device announces and the host turns into paths (docs/dock-protocol.md, "Offload (host
/// side)"): a device id names the device's folder and a recording file name names a file in it, so both must be
/// plain names: 1 to 64 characters from <c>A-Z a-z 0-9 - _ .</c>, starting with a letter or a digit. That rules
/// out separators, <c>..</c>, hidden names, empty names and control bytes; a device that announces anything else is
/// refused before anything is written.
/// </summary>
public static class OffloadNames
{
    /// <summary>The longest name (the protocol's str8 limit).</summary>
    public const int MaxLength = 64;

    /// <summary>Tells whether a name follows the rule.</summary>
    /// <param name="name">The name the device announced.</param>
    /// <returns>True when it may name a folder or file on the host.</returns>
    public static bool IsPlainName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the name when it follows the rule, or throws.</summary>
    /// <param name="name">The name the device announced.</param>
    /// <param name="error"><see cref="OffloadError.UnsafeDeviceId"/> or <see cref="OffloadError.UnsafeFileName"/>.</param>
    /// <returns>The name.</returns>
    /// <exception cref="OffloadException">The name breaks the rule.</exception>
    public static string Require(string name, OffloadError error)
    {
        if (IsPlainName(name))
        {
            return name;
        }

        string what = error == OffloadError.UnsafeDeviceId ? "device id" : "recording file name";
        throw new OffloadException(
            error,
            name,
            $"The device announced the {what} '{Printable(name)}', which is not a plain name (1 to {MaxLength} of A-Z a-z 0-9 - _ ., starting with a letter or digit); nothing was copied. Have the device checked: its firmware or enrolment is not genuine.");
    }

    // Control bytes and non-ASCII shown as \xNN, so the message stays one printable line.
    private static string Printable(string name)
    {
        var text = new System.Text.StringBuilder(name.Length);
        foreach (char c in name.Length > 2 * MaxLength ? name[..(2 * MaxLength)] : name)
        {
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\x{(int)c:X2}");
        }

        return text.ToString();
    }
}
