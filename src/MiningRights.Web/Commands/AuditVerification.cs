namespace MiningRights.Web.Commands;

/// <summary><c>verify-audit</c>: the audit trail's hash chain checked from the command line, as an operator runs it.</summary>
public static class AuditVerification
{
    /// <summary>Checks the audit trail's hash chain and says what it found: 0 when intact, 1 when an entry is broken.</summary>
    public static async Task<int> VerifyAuditAsync(this WebApplication app, TextWriter output)
    {
        var result = await app.Services.GetRequiredService<Audit.AuditChain>().VerifyAsync(CancellationToken.None);
        if (result.FirstBroken is { } broken)
        {
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Audit chain broken at entry {broken.Id} (place {broken.ChainSequence} in the chain, {broken.AtUtc:yyyy-MM-dd'T'HH:mm:ss'Z'}, {broken.Action} by {broken.Actor}): {result.Reason}. {result.Sealed} entries before it are intact. 审计记录哈希链在第 {broken.Id} 条处断裂。"));
            return 1;
        }

        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Audit chain intact: {result.Sealed} entries sealed and matching; {result.Unsealed} written since the last seal. 审计记录哈希链完整。"));
        return 0;
    }
}
