package io.cellbench.core.instrument;

import java.nio.file.Path;
import java.util.List;

/**
 * A cycler channel under delegated control: the cycler runs a program of its own (a Neware
 * step file, a BioLogic settings file) and cellbench starts it, follows it, pulls what it
 * recorded and can stop, pause and continue it. The program keeps running when the PC that
 * started it dies, which is the point: after a crash cellbench re-attaches and downloads what
 * it missed from the last record position it holds.
 *
 * <p>Methods that talk to the cycler throw {@link InstrumentException} naming the instrument
 * and the command; a refusal by the cycler (a channel that is busy, a file it cannot read) is
 * one too, with the cycler's answer in its message.
 */
public interface NativeProgramChannel extends Instrument {

    /**
     * Starts {@code program} (a file in the cycler's own format, on this machine) on the
     * channel. The driver takes it to where the cycler reads programs. {@code label} names the
     * test on the cycler (its barcode or test name); the cell's id is a good one.
     *
     * @throws InstrumentException when the cycler refuses (the channel is not idle, the file
     *                             is not where it looks) or cannot be reached
     */
    void start(Path program, String label);

    /** Where the program stands now: state, step, cycle, voltage, current, step capacity. */
    ProgramStatus status();

    /**
     * How many records the cycler holds for the channel's current (or last) test; the last
     * one's {@link ProgramRecord#position()} equals it.
     */
    long recordCount();

    /**
     * Records of the current (or last) test from position {@code from} (1-based, as the cycler
     * numbers them), at most {@code max}, in order. Fewer (or none) when the cycler holds no
     * more yet. A driver may fetch them in several requests.
     */
    List<ProgramRecord> records(long from, int max);

    /** Ends the program; the channel goes to open circuit and the test cannot be continued. */
    void stop();

    /** Holds the program where it is (open circuit); {@link #resume} continues it. */
    void pause();

    /** Continues a paused program from where it was held. */
    void resume();
}
