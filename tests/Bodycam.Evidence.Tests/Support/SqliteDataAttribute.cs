using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit.Sdk;

namespace Bodycam.Evidence.Tests.Support;

/// <summary>Runs a theory on the SQLite backend (always available: the database is a file).</summary>
public sealed class SqliteDataAttribute : DataAttribute
{
    private readonly object[] _values;

    /// <summary>One case, or one case per value given (passed after the backend).</summary>
    public SqliteDataAttribute(params object[] values)
    {
        _values = values;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        _values.Length == 0 ? [[Backend.Sqlite]] : _values.Select(v => new object[] { Backend.Sqlite, v });
}
