package io.cellbench.schedules.session;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.alarm.DiskSpaceWatch;
import io.cellbench.schedules.control.FiledCells;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a run, demo or resume adds around its cells besides instruments and outputs: the notes
 * a resume found, the watch of the run directory's free space, the impedance fits, and how the
 * status reads the cells that ended before this process.
 *
 * @param notes          notices that belong at the head of this session's part of events.jsonl
 *                       (what a resume found: data that never reached the disk, an accepted hole)
 * @param minFreeBytes   the free-space minimum of the run directory's file system; 0: not watched
 * @param freeSpace      where free space is read (the real file system; a test's)
 * @param diskCheckEvery how often it is read
 * @param fitCircuit     the equivalent circuit every impedance sweep is fitted with as it is
 *                       measured (fits.arrows, drt.arrows); null: no fits during the run
 * @param filedCells     how the status reads the run's cells from its files (those a resumed
 *                       process does not run but that ended before it); null: not read
 */
public record SessionExtras(List<RunEvent.Notice> notes, long minFreeBytes, DiskSpaceWatch.FreeSpace freeSpace,
                            Duration diskCheckEvery, String fitCircuit, FiledCells filedCells) {
    public SessionExtras {
        notes = List.copyOf(notes);
    }

    public SessionExtras(List<RunEvent.Notice> notes, long minFreeBytes, DiskSpaceWatch.FreeSpace freeSpace,
                         Duration diskCheckEvery) {
        this(notes, minFreeBytes, freeSpace, diskCheckEvery, null, null);
    }

    /** The real file system of {@code runDirectory}, read every 10 s. */
    public static SessionExtras watching(Path runDirectory, long minFreeBytes) {
        return new SessionExtras(List.of(), minFreeBytes, DiskSpaceWatch.FreeSpace.of(runDirectory),
                Duration.ofSeconds(10));
    }

    public SessionExtras withNotes(List<RunEvent.Notice> more) {
        return new SessionExtras(more, minFreeBytes, freeSpace, diskCheckEvery, fitCircuit, filedCells);
    }

    /** Fits every sweep with {@code circuit} during the run (null: none). */
    public SessionExtras withFits(String circuit) {
        return new SessionExtras(notes, minFreeBytes, freeSpace, diskCheckEvery, circuit, filedCells);
    }

    /** The status lists the cells that ended before this process, as {@code files} reads them. */
    public SessionExtras withFiledCells(FiledCells files) {
        return new SessionExtras(notes, minFreeBytes, freeSpace, diskCheckEvery, fitCircuit, files);
    }
}
