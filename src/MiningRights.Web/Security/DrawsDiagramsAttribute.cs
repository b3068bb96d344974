namespace MiningRights.Web.Security;

/// <summary>
/// A page that draws a workflow with Mermaid. Mermaid lays a diagram out in the page and styles it with a
/// <c>&lt;style&gt;</c> element and <c>style</c> attributes it writes itself, one set per diagram, so neither a hash
/// nor a nonce can name them: such a page allows inline styles (never inline scripts). Its text is the service's own
/// workflow definitions and the encoded journal, so there is no markup of a reader's to style.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DrawsDiagramsAttribute : Attribute
{
}
