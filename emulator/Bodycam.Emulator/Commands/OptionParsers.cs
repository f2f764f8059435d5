using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Bodycam.Emulator.Commands;

/// <summary>Parsers that turn a bad value into a usage error naming the option, never an exception.</summary>
public static class OptionParsers
{
    /// <summary>Parses a whole number in a range.</summary>
    /// <param name="result">The option's argument.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <param name="message">The usage error, naming the option and its range.</param>
    /// <returns>The number, or 0 after adding the error.</returns>
    public static long Number(ArgumentResult result, long minimum, long maximum, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Tokens.Count == 1
            && long.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            && value >= minimum && value <= maximum)
        {
            return value;
        }

        result.AddError(message);
        return 0;
    }

    /// <summary>Parses one of a fixed set of words.</summary>
    /// <param name="result">The option's argument.</param>
    /// <param name="allowed">The words allowed.</param>
    /// <param name="message">The usage error, naming the option and the words.</param>
    /// <returns>The word, or an empty string after adding the error.</returns>
    public static string OneOf(ArgumentResult result, string[] allowed, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(allowed);
        if (result.Tokens.Count == 1 && Array.IndexOf(allowed, result.Tokens[0].Value) >= 0)
        {
            return result.Tokens[0].Value;
        }

        result.AddError(message);
        return string.Empty;
    }

    /// <summary>Refuses scenario arguments that look like options, so a misspelt option is a usage error.</summary>
    /// <param name="argument">The positional argument.</param>
    public static void RefuseOptionLookalikes(Argument<string[]> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(r =>
        {
            foreach (Token token in r.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    r.AddError("unknown option " + token.Value);
                }
            }
        });
    }
}
