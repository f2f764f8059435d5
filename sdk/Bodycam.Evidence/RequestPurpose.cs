namespace Bodycam.Evidence;

/// <summary>
/// The closed list of purposes footage may be seen for; the written names are in <see cref="VaultTerms"/>. There is
/// deliberately no purpose that checks the presence, behaviour or performance of staff (the works council's condition).
/// </summary>
public enum RequestPurpose
{
    /// <summary>Viewing by the person asking (the right of access): <c>inzage</c>.</summary>
    Inzage = 1,

    /// <summary>For a report to the police: <c>aangifte</c>.</summary>
    Aangifte = 2,

    /// <summary>For a complaint: <c>complaint</c>.</summary>
    Complaint = 3,

    /// <summary>For a damages claim: <c>damages-claim</c>.</summary>
    DamagesClaim = 4,

    /// <summary>The prosecutor's investigation: <c>prosecution</c>.</summary>
    Prosecution = 5,

    /// <summary>Training: always refused until an anonymisation step exists: <c>training</c>.</summary>
    Training = 6,
}
