using System.Diagnostics.Metrics;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Compliance.Telemetry;

namespace CampaignFlow.Compliance.Tests;

/// <summary>The compliance sessions count the rule activations they fire on a meter an exporter can listen to.</summary>
public class ComplianceMeterTests
{
    [Fact]
    public void Judging_panyus_demo_log_counts_an_activation_for_every_violation_it_opens()
    {
        // The meter is the process's: count only what fires on this thread, where the simulation runs.
        var thread = Environment.CurrentManagedThreadId;
        long fired = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ComplianceMeter.MeterName && instrument.Name == "campaignflow.rules.fired")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                fired += value;
            }
        });
        listener.Start();

        var result = Seeds.Simulate("panyu-ftu-2014");

        var opened = result.History.Count(c => c.Kind == ViolationChangeKind.Opened);
        opened.ShouldBeGreaterThan(0);
        fired.ShouldBeGreaterThanOrEqualTo(opened);
    }
}
