namespace Bodycam.Evidence.Tests.Support;

/// <summary>The metadata databases every rule is tested on.</summary>
public enum Backend
{
    Sqlite = 1,
    Postgres = 2,
}
