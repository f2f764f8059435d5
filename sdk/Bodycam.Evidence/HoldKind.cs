namespace Bodycam.Evidence;

/// <summary>Why a recording is held past its retention period; the written names are in <see cref="VaultTerms"/>.</summary>
public enum HoldKind
{
    /// <summary>A report to the police (aangifte): <c>aangifte</c>.</summary>
    Aangifte = 1,

    /// <summary>A complaint: <c>complaint</c>.</summary>
    Complaint = 2,

    /// <summary>A damages claim: <c>damages-claim</c>.</summary>
    DamagesClaim = 3,

    /// <summary>The prosecutor's demand (vordering): <c>prosecutor-demand</c>.</summary>
    ProsecutorDemand = 4,
}
