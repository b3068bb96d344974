using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>A request body from a builder, changed in the one place a test is about.</summary>
internal static class RequestBody
{
    public static JsonObject Edit(object body, Action<JsonObject> edit)
    {
        var node = JsonSerializer.SerializeToNode(body)!.AsObject();
        edit(node);
        return node;
    }
}
