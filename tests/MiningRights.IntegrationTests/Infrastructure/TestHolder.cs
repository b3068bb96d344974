namespace MiningRights.IntegrationTests.Infrastructure;

public sealed record TestHolder(Guid Id, string Email, HttpClient Client);
