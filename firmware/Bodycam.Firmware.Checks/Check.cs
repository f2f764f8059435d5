namespace Bodycam.Firmware.Checks;

/// <summary>The assertions the shared checks use (nano-safe: no generics, so one overload per type).</summary>
public static class Check
{
    /// <summary>Fails unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="what">What the condition means.</param>
    public static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new CheckFailedException("expected: " + what);
        }
    }

    /// <summary>Fails unless the two numbers are equal.</summary>
    /// <param name="expected">The expected value.</param>
    /// <param name="actual">The actual value.</param>
    /// <param name="what">What the value is.</param>
    public static void Equal(long expected, long actual, string what)
    {
        if (expected != actual)
        {
            throw new CheckFailedException(what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }
    }

    /// <summary>Fails unless the two strings are equal.</summary>
    /// <param name="expected">The expected value.</param>
    /// <param name="actual">The actual value.</param>
    /// <param name="what">What the value is.</param>
    public static void Equal(string expected, string actual, string what)
    {
        if (expected != actual)
        {
            throw new CheckFailedException(what + ": expected '" + expected + "', got '" + actual + "'");
        }
    }

    /// <summary>Fails unless the byte ranges are equal.</summary>
    /// <param name="expected">The expected bytes.</param>
    /// <param name="actual">The actual bytes.</param>
    /// <param name="actualOffset">Where the actual bytes start.</param>
    /// <param name="what">What the bytes are.</param>
    public static void Bytes(byte[] expected, byte[] actual, int actualOffset, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (actualOffset + i >= actual.Length || actual[actualOffset + i] != expected[i])
            {
                throw new CheckFailedException(what + ": differs at byte " + i.ToString());
            }
        }
    }

    /// <summary>Fails with a message (for code paths that must not be reached).</summary>
    /// <param name="what">What happened.</param>
    public static void Fail(string what)
    {
        throw new CheckFailedException(what);
    }
}
