using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using MiningRights.Workflows;

namespace MiningRights.Tests.Architecture;

/// <summary>
/// The code's dependencies point one way: features use the workflow runtime, the runtime uses the platform
/// (persistence, accounts, the policy catalogue), and nothing points back. A namespace "depends" on another when
/// one of its types names a type declared there, read from the built assemblies.
/// </summary>
public sealed class DependencyTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Code = new(() => new ArchLoader()
        .LoadAssemblies(typeof(WorkflowRuntime).Assembly, typeof(Program).Assembly)
        .Build());

    /// <summary>The top-level namespaces below the runtime and the runtime itself; every other one is a feature.</summary>
    private static readonly string[] Platform = ["MiningRights", "Time", "Scheduling", "Data", "Paging", "Storage", "Policies", "Accounts", "Audit", "Workflows"];

    [Fact]
    public void Top_level_namespaces_of_the_domain_form_no_cycle() =>
        AssertNoCycle(NamespaceGraph("MiningRights", exclude: "MiningRights.Web"));

    [Fact]
    public void Top_level_namespaces_of_the_host_form_no_cycle() =>
        AssertNoCycle(NamespaceGraph("MiningRights.Web", exclude: null));

    [Fact]
    public void The_runtime_and_the_platform_below_it_name_no_feature()
    {
        var graph = NamespaceGraph("MiningRights", exclude: "MiningRights.Web");
        var reaching = graph
            .Where(edge => Platform.Contains(edge.Key.From) && !Platform.Contains(edge.Key.To))
            .Select(edge => $"{edge.Key.From} -> {edge.Key.To}: {Evidence(edge.Value)}")
            .ToList();
        Assert.True(reaching.Count == 0, "The platform reaches into features:\n" + string.Join("\n", reaching));
    }

    [Fact]
    public void The_graph_sees_real_dependencies()
    {
        // Guards the two tests above against reading nothing: the runtime does use persistence.
        var graph = NamespaceGraph("MiningRights", exclude: "MiningRights.Web");
        Assert.Contains(graph.Keys, edge => edge.From == "Workflows" && edge.To == "Data");
        Assert.Contains(graph.Keys, edge => edge.From == "Rights" && edge.To == "Workflows");
    }

    private static Dictionary<(string From, string To), List<string>> NamespaceGraph(string root, string? exclude)
    {
        var graph = new Dictionary<(string, string), List<string>>();
        foreach (var type in Code.Value.Types)
        {
            var from = TopLevel(type, root, exclude);
            if (from is null)
            {
                continue;
            }
            foreach (var dependency in type.Dependencies ?? [])
            {
                var to = TopLevel(dependency.Target, root, exclude);
                if (to is null || to == from)
                {
                    continue;
                }
                if (!graph.TryGetValue((from, to), out var evidence))
                {
                    graph[(from, to)] = evidence = [];
                }
                var pair = $"{Short(type)}→{Short(dependency.Target)}";
                if (!evidence.Contains(pair))
                {
                    evidence.Add(pair);
                }
            }
        }
        return graph;
    }

    private static string? TopLevel(IType? type, string root, string? exclude)
    {
        // Types the compiler generates in the global namespace have none.
        var name = type?.Namespace?.FullName ?? "";
        if (exclude is not null && (name == exclude || name.StartsWith(exclude + ".", StringComparison.Ordinal)))
        {
            return null;
        }
        if (name == root)
        {
            return root == "MiningRights" ? "MiningRights" : null;
        }
        if (!name.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        return name[(root.Length + 1)..].Split('.')[0];
    }

    private static string Short(IType type) => type.Name.Split('`')[0].Split('+')[0];

    private static string Evidence(List<string> pairs) =>
        string.Join(", ", pairs.Take(6)) + (pairs.Count > 6 ? $" (+{pairs.Count - 6})" : "");

    private static void AssertNoCycle(Dictionary<(string From, string To), List<string>> graph)
    {
        var components = StronglyConnected(graph);
        var report = components
            .Where(component => component.Count > 1)
            .Select(component => "cycle among " + string.Join(", ", component.Order(StringComparer.Ordinal)) + ":\n" + string.Join("\n",
                graph.Where(edge => component.Contains(edge.Key.From) && component.Contains(edge.Key.To))
                    .OrderBy(edge => edge.Key.From, StringComparer.Ordinal).ThenBy(edge => edge.Key.To, StringComparer.Ordinal)
                    .Select(edge => $"  {edge.Key.From} -> {edge.Key.To}: {Evidence(edge.Value)}")))
            .ToList();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    // Tarjan's algorithm: each strongly connected component with more than one namespace is a cycle.
    private static List<HashSet<string>> StronglyConnected(Dictionary<(string From, string To), List<string>> graph)
    {
        var next = graph.Keys.GroupBy(edge => edge.From).ToDictionary(group => group.Key, group => group.Select(edge => edge.To).ToList());
        var nodes = graph.Keys.SelectMany(edge => new[] { edge.From, edge.To }).Distinct().ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<HashSet<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in next.GetValueOrDefault(node, []))
            {
                if (!index.TryGetValue(target, out var targetIndex))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], targetIndex);
                }
            }
            if (low[node] == index[node])
            {
                var component = new HashSet<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }
        foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }
        return components;
    }
}
