namespace MiningRights.Workflows;

/// <summary>Names a subject by kind and id.</summary>
public readonly record struct SubjectRef(string Kind, Guid Id)
{
    public override string ToString() => $"{Kind}:{Id}";
}
