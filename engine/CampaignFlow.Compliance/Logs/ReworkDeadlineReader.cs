using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Compliance.Logs;

/// <summary>
/// A deadline set at run time: the reviewer who returns a document, or the examiner of a test some failed, says by
/// when the re-work is due — a day (<c>due: 2014-06-10</c>) or a length from the record's day (<c>within: 10个工作日</c>,
/// working days by the plan's calendar). The record keeps the day it comes to; who failed a test must have sat it.
/// </summary>
internal static class ReworkDeadlineReader
{
    public static UnitRecord? Apply(RecordSpec spec, UnitRecord record, ResolvedPlan plan, DiagnosticBag diagnostics, Func<string, DateOnly?> parseDay)
    {
        if (record is ActivityRecord activity)
        {
            for (var i = 0; i < activity.Failed.Count; i++)
            {
                if (!activity.Participants.Contains(activity.Failed[i]))
                {
                    diagnostics.Error("record-failed-not-participant", spec.At($"failed[{i}]"), activity.Failed[i]);
                }
            }
        }

        if (spec.Due is null && spec.Within is null)
        {
            return record;
        }

        var key = spec.Due is null ? "within" : "due";
        if (spec.Due is not null && spec.Within is not null)
        {
            diagnostics.Error("record-due-and-within", spec.At("within"));
            return null;
        }

        var returned = record is ReviewRecord { Decision: ReviewDecision.Returned };
        if (!returned && !(record is ActivityRecord && TestOutcome.IsFailed(record)))
        {
            diagnostics.Error("record-due-not-here", spec.At(key), key);
            return null;
        }

        DateOnly? due;
        if (spec.Within is { } within)
        {
            if (within.IsCount || within.Unit is QuantityUnit.Hours or QuantityUnit.ClassHours)
            {
                diagnostics.Error("amount-must-be-time", spec.At("within"), within.Text, "within");
                return null;
            }

            due = within.LastDayAfter(record.Day, plan.WorkingCalendar);
        }
        else
        {
            due = parseDay(spec.Due!);
            if (due is null)
            {
                return null;
            }

            if (due < record.Day)
            {
                diagnostics.Error("record-due-before-day", spec.At("due"), JudgeContext.Day(due.Value), JudgeContext.Day(record.Day));
                return null;
            }
        }

        return record switch
        {
            ReviewRecord review => review with { Due = due },
            ActivityRecord test => test with { Due = due },
            _ => record,
        };
    }
}
