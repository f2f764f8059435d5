using System;

namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// One construct in an inspected assembly that nanoFramework cannot run.
/// </summary>
public sealed class Finding
{
    /// <summary>
    /// Creates a finding.
    /// </summary>
    /// <param name="rule">The rule that is broken.</param>
    /// <param name="subject">The offending type, member or reference, e.g. <c>System.Collections.Generic.List&lt;int&gt;</c>.</param>
    /// <param name="location">Where it is used (e.g. <c>field Bodycam.Firmware.Foo._items</c>); empty when the subject is itself a definition or reference.</param>
    public Finding(FindingRule rule, string subject, string location)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(location);
        Rule = rule;
        Subject = subject;
        Location = location;
    }

    /// <summary>The rule that is broken.</summary>
    public FindingRule Rule { get; }

    /// <summary>The diagnostic code, <c>NANO001</c> to <c>NANO005</c>.</summary>
    public string Code => "NANO" + ((int)Rule).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The offending type, member or reference.</summary>
    public string Subject { get; }

    /// <summary>Where the subject is used; empty for definitions and references.</summary>
    public string Location { get; }

    /// <summary>A sentence naming the subject, where it is used, and why nanoFramework rejects it.</summary>
    public string Message
    {
        get
        {
            string where = Location.Length == 0 ? string.Empty : " in " + Location;
            return Rule switch
            {
                FindingRule.GenericTypeDefinition =>
                    "generic type definition " + Subject + ": nanoFramework has no generics at run time",
                FindingRule.GenericMethodDefinition =>
                    "generic method definition " + Subject + ": nanoFramework has no generics at run time",
                FindingRule.GenericInstantiation =>
                    "generic instantiation " + Subject + where + ": nanoFramework has no generics at run time",
                FindingRule.MultidimensionalArray =>
                    "multidimensional array " + Subject + where + ": nanoFramework supports only single-dimension arrays (use a jagged array)",
                _ =>
                    "reference to " + Subject + where + ": the device's runtime provides mscorlib only",
            };
        }
    }

    /// <summary>Returns <c>CODE: message</c>.</summary>
    /// <returns>The code and message.</returns>
    public override string ToString() => Code + ": " + Message;
}
