namespace MiningRights.Workflows;

public enum DeadlineState
{
    /// <summary>Running: reminders and expiry are scheduled.</summary>
    Open = 1,

    /// <summary>The duty was done in time (the instance left the state before expiry).</summary>
    Met = 2,

    /// <summary>The due date passed; the workflow moved on its expiry transition.</summary>
    Expired = 3,

    /// <summary>The workflow left for a reason other than meeting the duty.</summary>
    Closed = 4,
}
