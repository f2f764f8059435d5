using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Bodycam.Conformance.Tests;

/// <summary>Compares two enums that define the same wire vocabulary on the two sides.</summary>
public static class EnumPairs
{
    /// <summary>Gets an enum's members as name and number, in value order.</summary>
    /// <param name="type">The enum type.</param>
    /// <returns>The members.</returns>
    public static IReadOnlyList<(string Name, long Value)> Members(Type type)
    {
        return Enum.GetNames(type)
            .Select(n => (n, Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(m => m.Item2)
            .ToList();
    }

    /// <summary>Asserts that two enums have the same names with the same numbers.</summary>
    /// <param name="firmware">The firmware's enum.</param>
    /// <param name="sdk">The SDK's enum.</param>
    public static void AssertSame(Type firmware, Type sdk)
    {
        IReadOnlyList<(string Name, long Value)> a = Members(firmware);
        IReadOnlyList<(string Name, long Value)> b = Members(sdk);
        foreach ((string name, long value) in a)
        {
            Assert.True(b.Contains((name, value)), $"{firmware.FullName}.{name} = {value} has no equal in {sdk.FullName}");
        }

        foreach ((string name, long value) in b)
        {
            Assert.True(a.Contains((name, value)), $"{sdk.FullName}.{name} = {value} has no equal in {firmware.FullName}");
        }
    }

    /// <summary>Asserts that an enum's members are exactly the spec's rows.</summary>
    /// <param name="type">The enum.</param>
    /// <param name="spec">The spec's rows as name and number.</param>
    /// <param name="where">The spec table, for the message.</param>
    public static void AssertMatchesSpec(Type type, IEnumerable<(string Name, long Value)> spec, string where)
    {
        var expected = spec.OrderBy(m => m.Value).ToList();
        var actual = Members(type).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"{type.FullName} differs from {where}:\n spec: {Show(expected)}\n code: {Show(actual)}");
    }

    private static string Show(IEnumerable<(string Name, long Value)> members)
    {
        return string.Join(", ", members.Select(m => $"{m.Name}={m.Value}"));
    }
}
