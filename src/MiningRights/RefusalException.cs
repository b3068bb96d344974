namespace MiningRights;

/// <summary>
/// A request the service refuses for a reason the caller can fix or must know: the web layer turns it into an
/// RFC 7807 ProblemDetails with the status, the rule behind the refusal and any field errors.
/// </summary>
public sealed class RefusalException : Exception
{
    public RefusalException(int status, string title, string detail, string? ruleId = null, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        RuleId = ruleId;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public RefusalException()
        : this(400, "Bad request", "The request was refused.")
    {
    }

    public RefusalException(string message)
        : this(400, "Bad request", message)
    {
    }

    public RefusalException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Title = "Bad request";
        Errors = new Dictionary<string, string[]>();
    }

    public int Status { get; }

    public string Title { get; } = "Bad request";

    public string? RuleId { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static RefusalException NotFound(string what) => new(404, "Not found", $"{what} was not found.");

    public static RefusalException Conflict(string detail) => new(409, "Conflict", detail);

    public static RefusalException Forbidden(string detail) => new(403, "Forbidden", detail);

    public static RefusalException Invalid(string field, string message) =>
        new(400, "Invalid request", message, errors: new Dictionary<string, string[]> { [field] = [message] });

    public static RefusalException ByRule(string ruleId, string detail, string? field = null) =>
        new(422, $"Refused under rule {ruleId}", detail, ruleId,
            field is null ? null : new Dictionary<string, string[]> { [field] = [detail] });
}
