namespace MiningRights;

/// <summary>
/// A request the service refuses for a reason the caller can fix or must know: the web layer turns it into an
/// RFC 7807 ProblemDetails with the status, the rule behind the refusal and any field errors. The reason is written in
/// English (<see cref="Exception.Message"/>, the problem's <c>detail</c>) and in Simplified Chinese (<see cref="DetailZh"/>,
/// the problem's <c>detailZh</c>); the pages show the reader's language.
/// </summary>
public sealed class RefusalException : Exception
{
    public RefusalException(int status, string title, string detail, string? ruleId = null, IReadOnlyDictionary<string, string[]>? errors = null, string? detailZh = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        RuleId = ruleId;
        Errors = errors ?? new Dictionary<string, string[]>();
        DetailZh = detailZh;
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

    /// <summary>The reason in Simplified Chinese; null where only the English one was written (the pages then show that).</summary>
    public string? DetailZh { get; }

    /// <summary>The reason in <paramref name="language"/> (zh-CN or en), falling back to English.</summary>
    public string In(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && DetailZh is { } zh ? zh : Message;

    /// <summary>Not found, alike whether it does not exist or may not be seen; <paramref name="whatZh"/> names it in Chinese.</summary>
    public static RefusalException NotFound(string what, string? whatZh = null) =>
        new(404, "Not found", $"{what} was not found.", detailZh: whatZh is null ? "未找到所请求的记录，或您无权查看。" : $"未找到{whatZh}。");

    public static RefusalException Conflict(string detail, string? detailZh = null) => new(409, "Conflict", detail, detailZh: detailZh);

    public static RefusalException Forbidden(string detail, string? detailZh = null) => new(403, "Forbidden", detail, detailZh: detailZh);

    public static RefusalException Invalid(string field, string message, string? messageZh = null) =>
        new(400, "Invalid request", message, errors: new Dictionary<string, string[]> { [field] = [message] }, detailZh: messageZh);

    public static RefusalException ByRule(string ruleId, string detail, string? field = null, string? detailZh = null) =>
        new(422, $"Refused under rule {ruleId}", detail, ruleId,
            field is null ? null : new Dictionary<string, string[]> { [field] = [detail] }, detailZh);
}
