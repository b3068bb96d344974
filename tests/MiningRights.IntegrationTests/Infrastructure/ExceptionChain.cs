namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>An exception and every exception inside it (aggregates and inner ones): what a failed start is found in.</summary>
public static class ExceptionChain
{
    public static IEnumerable<Exception> Of(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var child in inner.SelectMany(Of))
        {
            yield return child;
        }
    }
}
