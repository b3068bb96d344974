namespace MiningRights.Storage;

/// <summary>
/// Where an uploaded document belongs, which decides its folder under the data folder and the kinds of file it may
/// be: plans are documents; evidence (a report's proof, a force-majeure certificate, site photographs) may also be
/// a picture.
/// </summary>
public enum DocumentArea
{
    /// <summary>Plans a holder submits (GS-9d, GS-9e), under <c>plans/</c>.</summary>
    Plans,

    /// <summary>Files sent with a signal (a duty's report, a relief claim, an inspector's findings), under <c>evidence/</c>.</summary>
    Evidence,
}
