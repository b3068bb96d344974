using MiningRights.Deadlines;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Tests.Deadlines;

public sealed class ReminderScheduleTests
{
    private const int ReminderHour = 9;
    private static readonly ProvinceCalendar China = ProvinceCalendar.China;

    // DueOn 2026-06-30: reminders at 09:00 Asia/Shanghai = 01:00 UTC on the dates below.
    private static readonly DateTime SixtyDaysBefore = Utc(2026, 5, 1, 1);
    private static readonly DateTime ThirtyDaysBefore = Utc(2026, 5, 31, 1);
    private static readonly DateTime SevenDaysBefore = Utc(2026, 6, 23, 1);
    private static readonly DateTime EndOfDueDay = Utc(2026, 6, 30, 16);

    [Fact]
    public void First_reminder_is_60_days_before_at_9_in_the_morning_Beijing_time()
    {
        var deadline = NewDeadline();

        deadline.Schedule(China, ReminderHour);

        Assert.Equal("reminder-60", deadline.NextStage);
        Assert.Equal(SixtyDaysBefore, deadline.NextActionAtUtc);
        Assert.Equal(EndOfDueDay, deadline.ExpiresAtUtc);
    }

    [Fact]
    public void No_reminder_is_due_a_second_before_its_time()
    {
        var deadline = NewDeadline();

        Assert.Null(deadline.TakeDueReminder(SixtyDaysBefore.AddSeconds(-1), China, ReminderHour));
        Assert.Empty(deadline.Done);
    }

    [Fact]
    public void The_60_day_reminder_is_due_at_its_time_and_is_then_the_next_stage_30()
    {
        var deadline = NewDeadline();

        Assert.Equal(60, deadline.TakeDueReminder(SixtyDaysBefore, China, ReminderHour));
        deadline.Schedule(China, ReminderHour);

        Assert.Equal([60], deadline.Done);
        Assert.Equal("reminder-30", deadline.NextStage);
        Assert.Equal(ThirtyDaysBefore, deadline.NextActionAtUtc);
    }

    [Fact]
    public void Each_stage_is_taken_at_most_once()
    {
        var deadline = NewDeadline();

        Assert.Equal(60, deadline.TakeDueReminder(SixtyDaysBefore, China, ReminderHour));
        Assert.Null(deadline.TakeDueReminder(SixtyDaysBefore.AddHours(1), China, ReminderHour));
    }

    [Fact]
    public void After_all_reminders_the_next_stage_is_expiry_at_the_end_of_the_due_day()
    {
        var deadline = NewDeadline();
        deadline.StagesDone = "60,30,7,1";

        deadline.Schedule(China, ReminderHour);

        Assert.Equal(Deadline.ExpiryStage, deadline.NextStage);
        Assert.Equal("expiry", deadline.NextStage);
        Assert.Equal(deadline.ExpiresAtUtc, deadline.NextActionAtUtc);
        Assert.Equal(EndOfDueDay, deadline.NextActionAtUtc);
    }

    [Fact]
    public void After_downtime_only_the_latest_due_reminder_is_sent_and_the_earlier_one_is_marked_done()
    {
        var deadline = NewDeadline();
        var afterDowntime = ThirtyDaysBefore.AddHours(5);

        var sent = deadline.TakeDueReminder(afterDowntime, China, ReminderHour);

        Assert.Equal(30, sent);
        Assert.Contains(60, deadline.Done);
        Assert.Contains(30, deadline.Done);
        Assert.Equal(2, deadline.Done.Count);
        Assert.Null(deadline.TakeDueReminder(afterDowntime, China, ReminderHour));

        deadline.Schedule(China, ReminderHour);
        Assert.Equal("reminder-7", deadline.NextStage);
        Assert.Equal(SevenDaysBefore, deadline.NextActionAtUtc);
    }

    [Fact]
    public void At_creation_the_latest_stage_already_past_is_sent_at_once_and_the_earlier_ones_are_not()
    {
        var deadline = NewDeadline();

        Assert.Equal(30, deadline.TakePassedReminder(Utc(2026, 6, 1, 0), China, ReminderHour));
        deadline.Schedule(China, ReminderHour);

        Assert.Equal([60, 30], deadline.Done);
        Assert.Equal("reminder-7", deadline.NextStage);
        Assert.Equal(SevenDaysBefore, deadline.NextActionAtUtc);
    }

    [Fact]
    public void At_creation_before_every_stage_nothing_is_skipped()
    {
        var deadline = NewDeadline();

        Assert.Null(deadline.TakePassedReminder(SixtyDaysBefore.AddSeconds(-1), China, ReminderHour));
        deadline.Schedule(China, ReminderHour);

        Assert.Empty(deadline.Done);
        Assert.Equal("reminder-60", deadline.NextStage);
    }

    [Fact]
    public void An_extension_recomputes_only_the_stages_not_yet_sent()
    {
        var deadline = NewDeadline();
        Assert.Equal(60, deadline.TakeDueReminder(SixtyDaysBefore, China, ReminderHour));

        deadline.MoveTo(deadline.DueOn.AddDays(90), China, ReminderHour);

        // New due date 2026-09-28: reminder-60 would fall on 2026-07-30, but it was sent already.
        Assert.Equal(new DateOnly(2026, 9, 28), deadline.DueOn);
        Assert.Equal("reminder-30", deadline.NextStage);
        Assert.Equal(Utc(2026, 8, 29, 1), deadline.NextActionAtUtc);
        Assert.Equal(Utc(2026, 9, 28, 16), deadline.ExpiresAtUtc);
        Assert.Null(deadline.TakeDueReminder(Utc(2026, 7, 30, 1), China, ReminderHour));
        Assert.Equal(30, deadline.TakeDueReminder(Utc(2026, 8, 29, 1), China, ReminderHour));
    }

    [Fact]
    public void At_creation_after_the_due_date_no_reminder_is_sent_the_expiry_speaks_for_it()
    {
        var deadline = NewDeadline();

        Assert.Null(deadline.TakePassedReminder(Utc(2026, 7, 2, 0), China, ReminderHour));
        deadline.Schedule(China, ReminderHour);

        Assert.Equal([60, 30, 7, 1], deadline.Done);
        Assert.Equal(Deadline.ExpiryStage, deadline.NextStage);
    }

    [Fact]
    public void A_closed_deadline_has_no_next_action()
    {
        var deadline = NewDeadline();
        deadline.Schedule(China, ReminderHour);

        deadline.Close(DeadlineState.Met, SixtyDaysBefore);
        deadline.Schedule(China, ReminderHour);

        Assert.Null(deadline.NextStage);
        Assert.Null(deadline.NextActionAtUtc);
    }

    private static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static Deadline NewDeadline() => new()
    {
        InstanceId = Guid.NewGuid(),
        HolderId = Guid.NewGuid(),
        Name = "planDue",
        RuleId = "GS-9d",
        WhatZh = "提交勘查实施方案",
        WhatEn = "Submit the exploration implementation plan",
        DueOn = new DateOnly(2026, 6, 30),
        ReminderDays = "60,30,7,1",
    };
}
