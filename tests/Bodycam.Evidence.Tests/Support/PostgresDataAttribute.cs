using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit.Sdk;

namespace Bodycam.Evidence.Tests.Support;

/// <summary>
/// Runs a theory on the PostgreSQL backend when BODYCAM_TEST_PG holds an Npgsql connection string (CI's
/// .ci/steps/10-setup-postgres sets it); otherwise the case is reported as skipped, with the reason.
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public const string Variable = "BODYCAM_TEST_PG";

    private readonly object[] _values;

    /// <summary>One case, or one case per value given (passed after the backend).</summary>
    public PostgresDataAttribute(params object[] values)
    {
        _values = values;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = Variable + " is not set: no PostgreSQL server to test against (.ci/steps/10-setup-postgres starts one and sets it)";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        _values.Length == 0 ? [[Backend.Postgres]] : _values.Select(v => new object[] { Backend.Postgres, v });
}
