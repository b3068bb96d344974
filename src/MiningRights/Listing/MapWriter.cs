using System.Buffers;
using System.Text.Json;

namespace MiningRights.Listing;

/// <summary>
/// Writes a map's GeoJSON feature collection from geometries already written as GeoJSON text, copying each as it is
/// rather than parsing it into nodes to write it out again. The output is what <c>JsonNode.ToJsonString()</c> writes for
/// the same features: the same members in the same order, the same escaping.
/// </summary>
internal sealed class MapWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> buffer = new();
    private readonly Utf8JsonWriter writer;

    public MapWriter()
    {
        writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
    }

    /// <summary>A feature with its <c>kind</c> and <c>label</c>, and <c>overlap: true</c> for a shared part drawn in red.</summary>
    public void Feature(string kind, string label, string geoJson, bool overlap)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteStartObject("properties");
        writer.WriteString("kind", kind);
        writer.WriteString("label", label);
        if (overlap)
        {
            writer.WriteBoolean("overlap", true);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("geometry");

        // The service wrote this text itself, with the same writer's rules.
        writer.WriteRawValue(geoJson, skipInputValidation: true);
        writer.WriteEndObject();
    }

    /// <summary>The feature collection as UTF-8.</summary>
    public byte[] Finish()
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => writer.Dispose();
}
