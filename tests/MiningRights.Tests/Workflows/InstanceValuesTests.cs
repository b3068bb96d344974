using MiningRights.Workflows;

namespace MiningRights.Tests.Workflows;

/// <summary>The day a deadline falls due, as every judge of it reads it: the day it last fell on, or a later extension.</summary>
public sealed class InstanceValuesTests
{
    [Fact]
    public void A_deadline_falls_due_on_its_day_until_an_extension_moves_it_later()
    {
        var values = new InstanceValues(Instance());
        Assert.Null(values.DueOn("due"));

        values.SetDate("due", new DateOnly(2026, 6, 30));
        Assert.Equal(new DateOnly(2026, 6, 30), values.DueOn("due"));

        values.SetDate(WorkflowRuntime.ExtendedPrefix + "due", new DateOnly(2026, 9, 30));
        Assert.Equal(new DateOnly(2026, 9, 30), values.DueOn("due"));

        // An extension is never a shortening: a deadline opened again later on a later day keeps that day.
        values.SetDate("due", new DateOnly(2026, 12, 31));
        Assert.Equal(new DateOnly(2026, 12, 31), values.DueOn("due"));
        Assert.Null(values.DueOn("other"));
    }

    [Fact]
    public void An_extension_granted_while_no_deadline_ran_is_its_day()
    {
        var instance = Instance();
        new InstanceValues(instance).SetDate(WorkflowRuntime.ExtendedPrefix + "due", new DateOnly(2027, 1, 15));

        // Written back to the instance, so the next reader (the daily judge, a page) sees the same day.
        Assert.Equal(new DateOnly(2027, 1, 15), new InstanceValues(instance).DueOn("due"));
    }

    private static WorkflowInstance Instance() => new()
    {
        DefinitionId = "duty",
        DefinitionVersion = 1,
        DefinitionHash = "hash",
        State = "open",
        SubjectKind = "right",
        SubjectId = Guid.NewGuid(),
        SubjectLabel = "T62000020250100001",
        JurisdictionCode = "620923",
        AuthorityCode = "620000",
    };
}
