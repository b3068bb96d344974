using System.Text.Json.Nodes;

namespace MiningRights.Web.Pages.Shared;

/// <summary>
/// A polygon with its corners numbered as the announcement's table numbers them (1, 2, …), for <c>maps.js</c>: the
/// polygon labelled with its name, each corner a point whose label is its number.
/// </summary>
public static class CornerMap
{
    public static string Json(JsonObject polygon, string label, IReadOnlyList<double[]> corners)
    {
        var features = new JsonArray
        {
            new JsonObject { ["type"] = "Feature", ["geometry"] = polygon.DeepClone(), ["properties"] = new JsonObject { ["label"] = label } },
        };
        for (var i = 0; i < corners.Count; i++)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(corners[i][0], corners[i][1]) },
                ["properties"] = new JsonObject { ["corner"] = true, ["label"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }
}
