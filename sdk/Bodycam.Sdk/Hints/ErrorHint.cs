namespace Bodycam.Sdk.Hints;

/// <summary>An error explained for people: what happened, and what to do next.</summary>
/// <param name="Meaning">What happened, as a sentence.</param>
/// <param name="Hint">What to do next, as a sentence.</param>
public sealed record ErrorHint(string Meaning, string Hint);
