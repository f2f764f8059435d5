using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Bodycam.Firmware.Checks;
using Xunit;

namespace Bodycam.Firmware.Tests.Checks;

public class SharedChecksCoverageTests
{
    [Fact]
    public void EveryCheck_HasAnXunitFactAndANanoTestMethod()
    {
        string root = RepositoryRoot();
        string xunit = File.ReadAllText(Path.Combine(root, "tests/Bodycam.Firmware.Tests/Checks/SharedChecksTests.cs"));
        Type[] areas = typeof(Check).Assembly.GetTypes()
            .Where(t => t.Namespace == "Bodycam.Firmware.Checks.Areas" && t.IsAbstract && t.IsSealed)
            .ToArray();
        Assert.NotEmpty(areas);
        foreach (Type area in areas)
        {
            string nanoFile = Path.Combine(
                root, "firmware/Bodycam.Firmware.NanoTests", area.Name.Replace("Checks", "OnNano", StringComparison.Ordinal) + ".cs");
            Assert.True(File.Exists(nanoFile), "no nano test class for " + area.Name);
            string nano = File.ReadAllText(nanoFile);
            foreach (MethodInfo check in area.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                string call = area.Name + "." + check.Name + "();";
                Assert.True(xunit.Contains(call, StringComparison.Ordinal), "no xunit fact calls " + call);
                Assert.True(nano.Contains(call, StringComparison.Ordinal), "no nano test method calls " + call);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Bodycam.Device.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bodycam.Device.sln not found above the test output.");
    }
}
