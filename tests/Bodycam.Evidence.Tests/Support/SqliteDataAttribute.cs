using System.Collections.Generic;
using System.Reflection;
using Xunit.Sdk;

namespace Bodycam.Evidence.Tests.Support;

/// <summary>Runs a theory on the SQLite backend (always available: the database is a file).</summary>
public sealed class SqliteDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.Sqlite]];
}
