using System.Text.Json.Nodes;

namespace MiningRights.IntegrationTests.Infrastructure;

internal static class PageJson
{
    /// <summary>How many items one page of a list holds.</summary>
    public static int ItemCount(this JsonObject page) => page["items"]!.AsArray().Count;
}
