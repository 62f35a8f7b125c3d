package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.ChannelCommand;
import java.util.List;

/**
 * A run written out as text, one line per event, with every double as Java prints it (the
 * shortest text that reads back the same bits): a golden file of it pins a runner's behaviour
 * to the bit (PauseTimelineTest, ResumeTimelineTest).
 */
final class Timeline implements RunListener {
    final StringBuilder out = new StringBuilder();
    final RecordingListener record = new RecordingListener();

    void section(String name) {
        out.append("## ").append(name).append('\n');
    }

    @Override
    public void on(RunEvent event) {
        out.append(switch (event) {
            case RunEvent.RunStarted s -> "RunStarted unix " + s.unixTimeSecond() + " resumed " + s.resumed();
            case RunEvent.StepStarted s -> "StepStarted " + s.testTimeSecond() + " count " + s.stepCount() + " index "
                    + s.stepIndex() + " cycle " + s.cycleCount() + " '" + s.description() + "'";
            case RunEvent.SampleRecorded s -> "Sample " + s.sample();
            case RunEvent.StepEnded s -> "StepEnded " + s.testTimeSecond() + " count " + s.stepCount() + " index "
                    + s.stepIndex() + " '" + s.reason() + "'";
            case RunEvent.SpectrumMeasured s -> "Spectrum " + s.spectrum();
            case RunEvent.Notice n -> "Notice " + n.testTimeSecond() + " " + n.severity() + " '" + n.message() + "'";
            case RunEvent.RunEnded e -> "RunEnded " + e.testTimeSecond() + " " + e.outcome() + " '" + e.message() + "'";
        }).append('\n');
        record.on(event); // after the line: a sample callback may add lines below it
    }

    /** The status as a reader sees it now. */
    void status(RunnerStatus s) {
        out.append("  status ").append(s.state()).append(" step ").append(s.stepTimeSecond()).append(" test ")
                .append(s.testTimeSecond()).append(" V ").append(s.voltageVolt()).append(" I ")
                .append(s.currentAmpere()).append(" holds ").append(s.holds()).append('\n');
    }

    /** How the run ended, the commands the channel got and the last status. */
    void end(RunEvent.Outcome outcome, List<ChannelCommand> commands, RunnerStatus end) {
        out.append("outcome ").append(outcome).append('\n');
        out.append("commands ").append(commands.stream().map(Timeline::command).toList()).append('\n');
        out.append("final ").append(end.state()).append(' ').append(end.outcome()).append(" test ")
                .append(end.testTimeSecond()).append(" I ").append(end.currentAmpere()).append('\n');
    }

    static String command(ChannelCommand c) {
        return switch (c) {
            case ChannelCommand.OpenCircuit o -> "OC";
            case ChannelCommand.Current i -> "CC " + i.ampere() + " " + i.minVolt() + ".." + i.maxVolt();
            case ChannelCommand.Voltage v -> "CV " + v.volt() + " " + v.maxAmpere();
            case ChannelCommand.Power p -> "CP " + p.watt() + " " + p.minVolt() + ".." + p.maxVolt();
            case ChannelCommand.Resistance r -> "R " + r.ohm();
        };
    }
}
