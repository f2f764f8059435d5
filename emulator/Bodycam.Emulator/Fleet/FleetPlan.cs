using System;
using System.Collections.Generic;
using System.Globalization;

namespace Bodycam.Emulator.Fleet;

/// <summary>
/// Who the emulated devices of a fleet are: the reference setup is the three municipalities that buy together, with
/// two cameras each; device i goes to municipality i mod 3 and gets id <c>MUN-NN</c>.
/// </summary>
public static class FleetPlan
{
    /// <summary>The municipalities, in assignment order.</summary>
    public static readonly string[] Municipalities = { "heerde", "oldebroek", "hattem" };

    /// <summary>The device ids and municipalities of an <paramref name="count"/>-device fleet.</summary>
    /// <param name="count">Number of devices, 1..64.</param>
    /// <returns>(device id, municipality) per device.</returns>
    public static IReadOnlyList<FleetMember> Plan(int count)
    {
        if (count < 1 || count > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "A fleet has 1..64 devices.");
        }

        var members = new List<FleetMember>();
        for (int i = 0; i < count; i++)
        {
            string municipality = Municipalities[i % Municipalities.Length];
            int number = (i / Municipalities.Length) + 1;
            string id = municipality.Substring(0, 3).ToUpperInvariant() + "-" + number.ToString("00", CultureInfo.InvariantCulture);
            members.Add(new FleetMember(i, id, municipality));
        }

        return members;
    }
}
