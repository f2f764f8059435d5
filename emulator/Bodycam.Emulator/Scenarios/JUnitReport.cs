using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;

namespace Bodycam.Emulator.Scenarios;

/// <summary>
/// Writes results as JUnit XML (the schema CI systems read: testsuites/testsuite/testcase with failure and error),
/// one test case per scenario file. Failed expectations and time-outs are failures; invalid files are errors.
/// </summary>
public static class JUnitReport
{
    /// <summary>Writes the report.</summary>
    /// <param name="results">One result per scenario file.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(IReadOnlyList<ScenarioResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        int failures = 0;
        int errors = 0;
        double seconds = 0;
        foreach (ScenarioResult r in results)
        {
            failures += r.Outcome is ScenarioOutcome.Failed or ScenarioOutcome.TimedOut ? 1 : 0;
            errors += r.Outcome == ScenarioOutcome.Invalid ? 1 : 0;
            seconds += r.WallMilliseconds / 1000;
        }

        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using XmlWriter xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "bodycam-emu");
        xml.WriteAttributeString("tests", Count(results.Count));
        xml.WriteAttributeString("failures", Count(failures));
        xml.WriteAttributeString("errors", Count(errors));
        xml.WriteAttributeString("time", Seconds(seconds));
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "scenarios");
        xml.WriteAttributeString("tests", Count(results.Count));
        xml.WriteAttributeString("failures", Count(failures));
        xml.WriteAttributeString("errors", Count(errors));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(seconds));
        foreach (ScenarioResult r in results)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "scenarios." + Path.GetFileNameWithoutExtension(r.File));
            xml.WriteAttributeString("name", r.Name);
            xml.WriteAttributeString("file", r.File);
            xml.WriteAttributeString("time", Seconds(r.WallMilliseconds / 1000));
            switch (r.Outcome)
            {
                case ScenarioOutcome.Failed:
                    Element(xml, "failure", "expectation failed", r.Message);
                    break;
                case ScenarioOutcome.TimedOut:
                    Element(xml, "failure", "timeout", r.Message);
                    break;
                case ScenarioOutcome.Invalid:
                    Element(xml, "error", "invalid scenario", r.Message);
                    break;
            }

            xml.WriteElementString("system-out", "simulated time " + Quantity.FormatDuration(r.SimulatedMilliseconds) + ", " + r.StepsRun.ToString(CultureInfo.InvariantCulture) + " steps");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Element(XmlWriter xml, string name, string type, string? message)
    {
        xml.WriteStartElement(name);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("message", message ?? type);
        xml.WriteString(message ?? type);
        xml.WriteEndElement();
    }

    private static string Count(int n)
    {
        return n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Seconds(double s)
    {
        return s.ToString("0.000", CultureInfo.InvariantCulture);
    }
}
